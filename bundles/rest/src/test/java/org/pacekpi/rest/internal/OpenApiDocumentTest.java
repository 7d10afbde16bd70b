package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.ExcludedActivity;
import org.pacekpi.api.dto.IngestStatus;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.api.targets.Change;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.Explanation;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StageTiming;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetPace;
import org.pacekpi.api.targets.TargetRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Holds the maintained OpenAPI document ({@code openapi.json}, served by {@link OpenApiResource}) to the code: every
 * operation of every resource is in it and it lists no other, with the same path and query parameters and request
 * bodies; every schema named after a Java record has that record's fields; every reference resolves; and the goal
 * and target writes say what they need of {@code If-Match}.
 */
class OpenApiDocumentTest {

    /** The schemas of the document and the records the JSON is written from (or read into). */
    private static final Map<String, Class<?>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("Problem", Problem.class);
        SCHEMAS.put("Scope", Scope.class);
        SCHEMAS.put("Money", Money.class);
        SCHEMAS.put("Exact", Exact.class);
        SCHEMAS.put("Operand", Explanation.Operand.class);
        SCHEMAS.put("Explanation", Explanation.class);
        SCHEMAS.put("GoalAmount", GoalAmount.class);
        SCHEMAS.put("PinnedRate", PinnedRate.class);
        SCHEMAS.put("DeriveRequest", DeriveRequest.class);
        SCHEMAS.put("GoalInput", GoalInput.class);
        SCHEMAS.put("TargetInput", TargetInput.class);
        SCHEMAS.put("RateUsed", DerivedTargets.RateUsed.class);
        SCHEMAS.put("RateTarget", DerivedTargets.RateTarget.class);
        SCHEMAS.put("ScheduleEntry", DerivedTargets.ScheduleEntry.class);
        SCHEMAS.put("NeededBy", DerivedTargets.NeededBy.class);
        SCHEMAS.put("StepTargets", DerivedTargets.StepTargets.class);
        SCHEMAS.put("ManagerTargets", DerivedTargets.ManagerTargets.class);
        SCHEMAS.put("DerivedTargets", DerivedTargets.class);
        SCHEMAS.put("GoalRecord", GoalRecord.class);
        SCHEMAS.put("TargetRecord", TargetRecord.class);
        SCHEMAS.put("Change", Change.class);
        SCHEMAS.put("TargetPace", TargetPace.class);
        SCHEMAS.put("FunnelStage", FunnelStage.class);
        SCHEMAS.put("MeasuredRate", MeasuredRate.class);
        SCHEMAS.put("StageTiming", StageTiming.class);
        SCHEMAS.put("ConversionReport", ConversionReport.class);
        SCHEMAS.put("Me", MeView.class);
        SCHEMAS.put("Manager", ManagerView.class);
        SCHEMAS.put("Team", TeamView.class);
        SCHEMAS.put("WorkingDays", WorkingDays.class);
        SCHEMAS.put("Kpis", KpiView.class);
        SCHEMAS.put("Series", SeriesView.class);
        SCHEMAS.put("ExcludedActivity", ExcludedActivity.class);
        SCHEMAS.put("Exclusions", ExclusionView.class);
        SCHEMAS.put("TeamMember", TeamKpiView.Member.class);
        SCHEMAS.put("TeamKpis", TeamKpiView.class);
        SCHEMAS.put("IngestStatus", IngestStatus.class);
        SCHEMAS.put("RebuildResult", RebuildResult.class);
    }

    private final ObjectMapper json = PaceJson.newMapper();
    private final JsonNode document = read();

    private JsonNode read() {
        try {
            return json.readTree(new OpenApiResource().document());
        } catch (java.io.IOException e) {
            throw new AssertionError("openapi.json is not JSON", e);
        }
    }

    /** The operations the resources implement, as "GET /goals/{id}", each with its Java method. */
    private static Map<String, Method> implemented() {
        Map<String, Method> operations = new TreeMap<>();
        for (Class<?> resource : ComponentWiringTest.RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path path = method.getAnnotation(Path.class);
                    String full = ("/" + base + (path == null ? "" : "/" + path.value())).replaceAll("/+", "/");
                    Method twice = operations.put(verb + " " + full, method);
                    assertThat(twice).as("two methods answer " + verb + " " + full).isNull();
                }
            }
        }
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private Map<String, JsonNode> documented() {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }
        return operations;
    }

    @Test
    void itIsOpenApi3JsonForThePaceApplication() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.get("servers").get(0).get("url").asText()).isEqualTo("/" + PaceApplication.BASE);
        assertThat(document.get("components").get("securitySchemes").get("basic").get("scheme").asText())
                .isEqualTo("basic");
        assertThat(document.get("components").get("securitySchemes").get("session").get("in").asText())
                .isEqualTo("cookie");
        // the document itself is for anyone
        assertThat(document.get("paths").get("/openapi.json").get("get").get("security").toString()).isEqualTo("[]");
    }

    @Test
    void everyOperationIsDocumentedAndNoOther() {
        assertThat(documented().keySet()).containsExactlyElementsOf(implemented().keySet());
    }

    @Test
    void parametersAndBodiesAreTheMethods() {
        Map<String, JsonNode> documented = documented();
        implemented().forEach((operation, method) -> {
            JsonNode op = documented.get(operation);
            assertThat(op).as(operation).isNotNull();
            assertThat(op.get("operationId").isTextual()).as(operation + " operationId").isTrue();
            assertThat(parameters(op, "query")).as(operation + " query parameters")
                    .isEqualTo(annotated(method, QueryParam.class));
            assertThat(parameters(op, "path")).as(operation + " path parameters")
                    .isEqualTo(annotated(method, PathParam.class));
            Class<?> body = entity(method);
            if (body == null) {
                assertThat(op.has("requestBody")).as(operation + " takes no body").isFalse();
            } else {
                JsonNode schema = op.get("requestBody").get("content").get(MediaType.APPLICATION_JSON).get("schema");
                assertThat(SCHEMAS.get(schemaName(schema))).as(operation + " body").isEqualTo(body);
            }
        });
    }

    @Test
    void answersAreTheMethodsWhereTheJavaTypeSaysIt() {
        Map<String, JsonNode> documented = documented();
        implemented().forEach((operation, method) -> {
            JsonNode responses = documented.get(operation).get("responses");
            assertThat(responses.fieldNames()).toIterable().as(operation + " answers success")
                    .anyMatch(status -> status.startsWith("2"));
            Type returned = method.getGenericReturnType();
            if (returned == jakarta.ws.rs.core.Response.class) {
                return;
            }
            JsonNode schema = success(documented.get(operation)).get("content").get(MediaType.APPLICATION_JSON)
                    .get("schema");
            if (returned instanceof ParameterizedType list && list.getRawType() == List.class) {
                assertThat(schema.get("type").asText()).as(operation).isEqualTo("array");
                assertThat(SCHEMAS.get(schemaName(schema.get("items")))).as(operation)
                        .isEqualTo(list.getActualTypeArguments()[0]);
            } else if (returned instanceof Class<?> type && type.isRecord()) {
                assertThat(SCHEMAS.get(schemaName(schema))).as(operation).isEqualTo(type);
            }
        });
    }

    @Test
    void schemasHaveTheFieldsOfTheirRecords() {
        Set<String> objects = new TreeSet<>();
        document.get("components").get("schemas").fields().forEachRemaining(schema -> {
            if (schema.getValue().has("properties")) {
                objects.add(schema.getKey());
            }
        });
        assertThat(objects).containsExactlyInAnyOrderElementsOf(SCHEMAS.keySet());
        SCHEMAS.forEach((name, type) -> {
            List<String> properties = new ArrayList<>();
            document.get("components").get("schemas").get(name).get("properties").fieldNames()
                    .forEachRemaining(properties::add);
            assertThat(properties).as(name + " vs " + type.getName())
                    .containsExactlyElementsOf(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                            .toList());
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(resolve(reference)).as(reference).isNotNull();
        }
    }

    @Test
    void goalAndTargetWritesNeedIfMatchAndAnswerTheETag() {
        Map<String, JsonNode> documented = documented();
        for (String write : List.of("PUT /goals/{id}", "DELETE /goals/{id}", "POST /goals/{id}/rederive",
                "PUT /targets/{id}", "DELETE /targets/{id}")) {
            JsonNode op = documented.get(write);
            assertThat(parameters(op, "header")).as(write).containsExactly("If-Match");
            assertThat(op.get("responses").has("428")).as(write + " 428").isTrue();
            assertThat(op.get("responses").has("412")).as(write + " 412").isTrue();
        }
        for (String tagged : List.of("GET /goals/{id}", "POST /goals", "PUT /goals/{id}", "POST /goals/{id}/rederive",
                "GET /targets/{id}", "POST /targets", "PUT /targets/{id}")) {
            assertThat(success(documented.get(tagged)).get("headers").has("ETag")).as(tagged + " ETag").isTrue();
        }
        assertThat(success(documented.get("POST /goals")).get("headers").has("Location")).isTrue();
        assertThat(documented.get("POST /goals").get("responses").has("201")).isTrue();
        assertThat(documented.get("DELETE /goals/{id}").get("responses").has("204")).isTrue();
    }

    @Test
    void theJsonProviderLeavesTheDocumentsBytesAlone() {
        // Jakarta REST's own byte[] writer sends the file as it is; Jackson would write it as a base64 string
        assertThat(new PaceJsonProvider().isWriteable(byte[].class, byte[].class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }

    private JsonNode success(JsonNode operation) {
        for (String status : List.of("200", "201")) {
            if (operation.get("responses").has(status)) {
                return operation.get("responses").get(status);
            }
        }
        throw new AssertionError("no 200 or 201 in " + operation.get("operationId"));
    }

    private Set<String> parameters(JsonNode operation, String in) {
        Set<String> names = new TreeSet<>();
        if (operation.has("parameters")) {
            for (JsonNode parameter : operation.get("parameters")) {
                JsonNode resolved = parameter.has("$ref") ? resolve(parameter.get("$ref").asText()) : parameter;
                if (resolved.get("in").asText().equals(in)) {
                    names.add(resolved.get("name").asText());
                }
            }
        }
        return names;
    }

    private static Set<String> annotated(Method method, Class<? extends Annotation> kind) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            Annotation annotation = parameter.getAnnotation(kind);
            if (annotation instanceof QueryParam query) {
                names.add(query.value());
            } else if (annotation instanceof PathParam path) {
                names.add(path.value());
            }
        }
        return names;
    }

    /** The type of the method's entity parameter (the one without annotations), or null. */
    private static Class<?> entity(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getAnnotations().length == 0) {
                return parameter.getType();
            }
            assertThat(parameter.isAnnotationPresent(Context.class) || parameter.isAnnotationPresent(QueryParam.class)
                    || parameter.isAnnotationPresent(PathParam.class)).as(method + " " + parameter).isTrue();
        }
        return null;
    }

    private static String schemaName(JsonNode schema) {
        String reference = schema.get("$ref").asText();
        assertThat(reference).startsWith("#/components/schemas/");
        return reference.substring("#/components/schemas/".length());
    }

    private JsonNode resolve(String reference) {
        assertThat(reference).startsWith("#/");
        JsonNode node = document;
        for (String part : reference.substring(2).split("/")) {
            node = node == null ? null : node.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
