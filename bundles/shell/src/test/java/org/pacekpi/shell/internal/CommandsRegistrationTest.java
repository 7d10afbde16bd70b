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
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.RebuildService;
import org.pacekpi.api.targets.TargetService;
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
        assertThat(command(DeriveCommand.class).name()).isEqualTo("derive");
        assertThat(command(GoalCommand.class).name()).isEqualTo("goal");
        assertThat(command(TargetsCommand.class).name()).isEqualTo("targets");
        for (Class<?> type : COMMANDS) {
            assertThat(command(type).scope()).isEqualTo("pace");
            assertThat(command(type).description()).isNotBlank();
            assertThat(type).isAssignableTo(Action.class);
            assertThat(type.getAnnotation(Service.class)).as(type.getSimpleName() + " @Service").isNotNull();
        }
        assertThat(ManagerIdCompleter.class.getAnnotation(Service.class)).isNotNull();
        assertThat(ScopeCompleter.class.getAnnotation(Service.class)).isNotNull();
    }

    @Test
    void theTargetCommandsTakeTheseOptions() {
        List<String> goalOptions = List.of("--paid-deals", "--revenue", "--currency", "--average-deal", "--weeks-rule",
                "--method", "--window-days", "--pin");
        assertThat(options(DeriveCommand.class)).containsExactlyInAnyOrderElementsOf(
                concat(goalOptions, List.of("--as-of", "--explain")));
        assertThat(options(GoalCommand.class)).containsExactlyInAnyOrderElementsOf(
                concat(goalOptions, List.of("--scope", "--period", "--note", "--version", "--explain")));
        assertThat(options(TargetsCommand.class)).containsExactlyInAnyOrder("--scope", "--period", "--metric",
                "--value", "--note", "--version");
        assertThat(arguments(DeriveCommand.class)).containsExactly("scope", "period");
        assertThat(arguments(GoalCommand.class)).containsExactly("action", "id");
        assertThat(arguments(TargetsCommand.class)).containsExactly("action", "id");
        for (Class<?> type : COMMANDS) {
            // Karaf refuses a command whose options or aliases clash
            List<String> names = fields(type).stream().map(f -> f.getAnnotation(Option.class))
                    .filter(java.util.Objects::nonNull)
                    .flatMap(o -> java.util.stream.Stream.concat(java.util.stream.Stream.of(o.name()),
                            Arrays.stream(o.aliases())))
                    .toList();
            assertThat(names).as(type.getSimpleName()).doesNotHaveDuplicates();
        }
        for (Class<?> type : List.of(GoalCommand.class, TargetsCommand.class)) {
            assertThat(field(type, "scope").getAnnotation(Completion.class).value()).isEqualTo(ScopeCompleter.class);
        }
        assertThat(field(DeriveCommand.class, "scope").getAnnotation(Completion.class).value())
                .isEqualTo(ScopeCompleter.class);
        assertThat(field(DeriveCommand.class, "scope").getAnnotation(Argument.class).required()).isTrue();
        assertThat(field(DeriveCommand.class, "pins").getAnnotation(Option.class).multiValued()).isTrue();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static List<Field> fields(Class<?> type) {
        return java.util.stream.Stream.<Class<?>>iterate(type, t -> t != Object.class, Class::getSuperclass)
                .flatMap(t -> Arrays.stream(t.getDeclaredFields())).toList();
    }

    private static Field field(Class<?> type, String name) {
        return fields(type).stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> options(Class<?> type) {
        return fields(type).stream().map(f -> f.getAnnotation(Option.class)).filter(java.util.Objects::nonNull)
                .map(Option::name).toList();
    }

    private static List<String> arguments(Class<?> type) {
        return fields(type).stream().map(f -> f.getAnnotation(Argument.class)).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingInt(Argument::index)).map(Argument::name).toList();
    }

    @Test
    void servicesAreReferencesAndManagerIdsAreCompleted() throws Exception {
        assertThat(references(KpisCommand.class)).containsExactlyInAnyOrder(KpiService.class, Directory.class);
        assertThat(references(WhyCommand.class)).containsExactlyInAnyOrder(KpiService.class, Directory.class);
        assertThat(references(RebuildCommand.class)).containsExactly(RebuildService.class);
        assertThat(references(ManagerIdCompleter.class)).containsExactly(Directory.class);
        assertThat(references(ScopeCompleter.class)).containsExactly(Directory.class);
        for (Class<?> type : List.of(DeriveCommand.class, GoalCommand.class, TargetsCommand.class)) {
            assertThat(references(type)).as(type.getSimpleName())
                    .containsExactlyInAnyOrder(TargetService.class, Directory.class);
        }
        for (Class<?> type : List.of(KpisCommand.class, WhyCommand.class)) {
            Field managerId = ManagerDaysCommand.class.getDeclaredField("managerId");
            assertThat(type.getSuperclass()).isEqualTo(ManagerDaysCommand.class);
            assertThat(managerId.getAnnotation(Argument.class).required()).isTrue();
            assertThat(managerId.getAnnotation(Completion.class).value()).isEqualTo(ManagerIdCompleter.class);
        }
    }

    private static final List<Class<?>> COMMANDS = List.of(KpisCommand.class, WhyCommand.class,
            RebuildCommand.class, DeriveCommand.class, GoalCommand.class, TargetsCommand.class);

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
