package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Manifest;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.RebuildService;
import org.pacekpi.host.directory.Directory;

/**
 * What Karaf's shell extender relies on: the bundle's Karaf-Commands header, and the commands' annotations (scope
 * pace, names, services by @Reference, manager ids completed from the directory).
 */
class CommandsRegistrationTest {

    @Test
    void theManifestNamesTheCommandsForTheShellExtender() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "META-INF", "MANIFEST.MF"))) {
            Manifest manifest = new Manifest(in);
            assertThat(manifest.getMainAttributes().getValue("Karaf-Commands")).isEqualTo("*");
            assertThat(manifest.getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("org.pacekpi.shell");
            assertThat(manifest.getMainAttributes().getValue("Import-Package"))
                    .contains("org.apache.karaf.shell.api.action;version=\"[4.4,5)\"");
        }
    }

    @Test
    void commandsInScopePace() {
        assertThat(command(KpisCommand.class).name()).isEqualTo("kpis");
        assertThat(command(WhyCommand.class).name()).isEqualTo("why");
        assertThat(command(RebuildCommand.class).name()).isEqualTo("rebuild");
        for (Class<?> type : List.of(KpisCommand.class, WhyCommand.class, RebuildCommand.class)) {
            assertThat(command(type).scope()).isEqualTo("pace");
            assertThat(command(type).description()).isNotBlank();
            assertThat(type).isAssignableTo(Action.class);
            assertThat(type.getAnnotation(Service.class)).as(type.getSimpleName() + " @Service").isNotNull();
        }
        assertThat(ManagerIdCompleter.class.getAnnotation(Service.class)).isNotNull();
    }

    @Test
    void servicesAreReferencesAndManagerIdsAreCompleted() throws Exception {
        assertThat(references(KpisCommand.class)).containsExactlyInAnyOrder(KpiService.class, Directory.class);
        assertThat(references(WhyCommand.class)).containsExactlyInAnyOrder(KpiService.class, Directory.class);
        assertThat(references(RebuildCommand.class)).containsExactly(RebuildService.class);
        assertThat(references(ManagerIdCompleter.class)).containsExactly(Directory.class);
        for (Class<?> type : List.of(KpisCommand.class, WhyCommand.class)) {
            Field managerId = ManagerDaysCommand.class.getDeclaredField("managerId");
            assertThat(type.getSuperclass()).isEqualTo(ManagerDaysCommand.class);
            assertThat(managerId.getAnnotation(Argument.class).required()).isTrue();
            assertThat(managerId.getAnnotation(Completion.class).value()).isEqualTo(ManagerIdCompleter.class);
        }
    }

    private static Command command(Class<?> type) {
        return type.getAnnotation(Command.class);
    }

    private static List<Class<?>> references(Class<?> type) {
        // Karaf injects @Reference fields of superclasses too, so they count.
        return java.util.stream.Stream.<Class<?>>iterate(type, t -> t != Object.class, Class::getSuperclass)
                .flatMap(t -> Arrays.stream(t.getDeclaredFields())).filter(f -> f.isAnnotationPresent(Reference.class))
                .<Class<?>>map(Field::getType).toList();
    }
}
