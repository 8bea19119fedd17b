package dev.ciscosupport.mcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ciscosupport.mcp.cisco.call.CiscoException;
import dev.ciscosupport.mcp.json.Json;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool call's arguments read into the tool's argument record, and its result record written as structured content,
 * by Jackson with the names the schemas give them ({@link RecordSchemas}). A wrong type, a missing required argument or
 * a value outside the choices is a sentence naming the argument, as the hand-written readers say it
 * ({@link ToolArguments}).
 */
final class RecordArguments {
    private static final JsonMapper MAPPER = Json.MAPPER.rebuild()
            .propertyNamingStrategy(new CiscoNamesKept())
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // page_index 2.5 is refused, not read as 2
            .changeDefaultPropertyInclusion(i -> JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                    JsonInclude.Include.ALWAYS)) // a result's empty Optional or null part is left out
            .build();

    private RecordArguments() {
    }

    /** Snake case, but a component named in Cisco's own spelling (upper-case first) keeps it, as the schema does. */
    private static final class CiscoNamesKept extends PropertyNamingStrategies.SnakeCaseStrategy {
        private static final long serialVersionUID = 1L;

        @Override
        public String translate(String name) {
            return name != null && !name.isEmpty() && Character.isUpperCase(name.charAt(0)) ? name : super.translate(name);
        }
    }

    /** The arguments as {@code type}: every {@link Arg#required} one given and not blank, every choice one of its own. */
    static <A extends Record> A read(Map<String, Object> values, Class<A> type) {
        A read;
        try {
            read = MAPPER.convertValue(values, type);
        } catch (MismatchedInputException e) {
            String where = String.join(".", e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").toList()); // additional_params.status
            throw new CiscoException.InvalidInput(where.isEmpty() ? "The arguments are not in the expected form."
                    : where + " must be " + kind(e.getTargetType()) + ".");
        } catch (JacksonException e) {
            throw new CiscoException.InvalidInput("The arguments are not in the expected form.");
        }
        for (Checked component : CHECKED.get(type)) {
            Object value = value(component.accessor(), read);
            if (component.required() && (value == null || value instanceof String s && s.isBlank())) {
                throw new CiscoException.InvalidInput(component.name() + " is required.");
            }
            if (!component.choices().isEmpty() && value != null && !component.choices().contains(value)) {
                throw new CiscoException.InvalidInput(component.name() + " must be one of "
                        + String.join(", ", component.choices()) + ".");
            }
        }
        return read;
    }

    /** What {@link #read} checks of one argument, from its {@link Arg}. */
    private record Checked(String name, Method accessor, boolean required, List<String> choices) {
    }

    /**
     * Each argument record's checks, worked out once per record: reading a component's annotation parses it anew every
     * time (a tenth of the server's own CPU per call, in a profile under load).
     */
    private static final ClassValue<List<Checked>> CHECKED = new ClassValue<>() {
        @Override
        protected List<Checked> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(component -> {
                Arg arg = component.getAnnotation(Arg.class);
                return new Checked(RecordSchemas.name(component.getName()), component.getAccessor(),
                        arg != null && arg.required(), arg == null ? List.of() : List.of(arg.choices()));
            }).toList();
        }
    };

    /** The result as structured content: its components by their snake-case names, absent (empty Optional) ones left out. */
    static Map<String, Object> structured(Record result) {
        return MAPPER.convertValue(result, new TypeReference<Map<String, Object>>() { });
    }

    /** A comma-separated list as its items, trimmed, blank ones dropped. */
    static List<String> items(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        return type == String.class ? "a string" : "in the form the tool's schema gives";
    }

    private static Object value(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + accessor.getName(), e);
        }
    }
}
