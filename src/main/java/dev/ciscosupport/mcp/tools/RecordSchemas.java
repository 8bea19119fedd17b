package dev.ciscosupport.mcp.tools;

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.ciscosupport.mcp.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of a tool, generated from its argument and result records (victools jsonschema-generator), so that
 * what the schema promises, how the arguments are read and what the result holds cannot drift apart: an argument's
 * name is its record component's in snake case, its description, limits and choices are its {@link Arg}, its type is
 * the component's type. Like the hand-written ones, the schemas then go through {@link Schemas#forModel} and
 * {@link Schemas#forClients} ({@link ToolHandlers}).
 *
 * <p>Generating them costs a start about half a second (the generator's classes, then some 10 ms a record while the
 * JVM is cold), so the build generates them once ({@link PregeneratedSchemas}, in {@code process-classes}) into
 * {@value #RESOURCE} beside these classes; a start reads that file, and generates a record's schema itself only when
 * the file has none for it or, read from a folder of classes (an IDE's, a build that stopped before
 * {@code process-classes}), was written for a different declaration of it (its fingerprint: every component's name,
 * type and annotations, and the values of its enums). Read from a jar, the file is trusted as it is: the build wrote it
 * from the classes beside it, and checking every fingerprint cost each start ~30 ms (reflection on every annotation).
 */
final class RecordSchemas {
    static final String RESOURCE = "tool-schemas.json";
    private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");
    private static final URL PREGENERATED_AT = RecordSchemas.class.getResource(RESOURCE);
    private static final boolean PACKAGED = packaged(PREGENERATED_AT);
    private static final Map<String, Object> PREGENERATED = pregenerated();
    /** Every record a schema was asked for, for the build step. */
    private static final Set<Class<? extends Record>> ASKED = ConcurrentHashMap.newKeySet();

    private RecordSchemas() {
    }

    /** The generator, made on first use only: a start with every schema pregenerated never loads it. */
    private static final class Generator {
        static final SchemaGenerator INSTANCE = generator();
    }

    /** Reads the schemas the build wrote, if nobody has yet (this class's first use reads them). */
    static void load() {
        PREGENERATED.size();
    }

    /** The input schema of a tool taking {@code arguments}. */
    static Map<String, Object> input(Class<? extends Record> arguments) {
        return generate(arguments);
    }

    /**
     * The output schema of a tool answering {@code result}: its components at the top level, after the {@code source} and
     * {@code cache} every result has (see {@link ToolHandlers}); every component is always there but an {@link Optional}
     * one (a part only some answers have).
     */
    static Map<String, Object> output(Class<? extends Record> result) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("source", Map.of("type", "string"));
        properties.put("cache", Map.of("type", "object"));
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) generate(result).getOrDefault("properties", Map.of());
        properties.putAll(own);
        List<String> required = new ArrayList<>(List.of("source"));
        for (RecordComponent component : result.getRecordComponents()) {
            if (component.getType() != Optional.class) {
                required.add(name(component.getName()));
            }
        }
        return Schemas.object(properties, required);
    }

    /** A record component's argument name: {@code pageIndex} is {@code page_index} (as Jackson's SNAKE_CASE names it). */
    static String name(String component) {
        if (!component.isEmpty() && Character.isUpperCase(component.charAt(0))) {
            return component; // Cisco's own field name, kept as Cisco (and the TypeScript server) spell it: CustCallID
        }
        return WORD_START.matcher(component).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> generate(Class<? extends Record> type) {
        ASKED.add(type);
        if (PREGENERATED.get(type.getName()) instanceof Map<?, ?> kept
                && (PACKAGED || fingerprint(type).equals(kept.get("fingerprint")))) {
            return (Map<String, Object>) kept.get("schema");
        }
        return fresh(type);
    }

    /** The schema as the generator makes it now. */
    static Map<String, Object> fresh(Class<? extends Record> type) {
        // Through its text, so that a bound is the whole number it reads as (not a BigDecimal), as in a hand-written schema.
        return Json.MAPPER.readValue(Generator.INSTANCE.generateSchema(type).toString(),
                new TypeReference<Map<String, Object>>() { });
    }

    /** The records whose schemas were asked for so far. */
    static Set<Class<? extends Record>> asked() {
        return Set.copyOf(ASKED);
    }

    /**
     * What the schema of {@code type} is generated from: each component's name, generic type and annotations, nested
     * records' the same, and enums' values (an enum's values are its schema's choices).
     */
    static String fingerprint(Class<?> type) {
        StringBuilder out = new StringBuilder(type.getName());
        if (type.isEnum()) {
            Arrays.stream(type.getEnumConstants()).forEach(c -> out.append('|').append(c));
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                out.append('{').append(component.getName()).append(':').append(component.getGenericType().getTypeName());
                Arg arg = component.getAnnotation(Arg.class);
                if (arg != null) { // its values one by one: an annotation's toString() orders them differently per JVM
                    out.append("@Arg(").append(arg.value()).append('|').append(arg.required()).append('|')
                            .append(arg.maxLength()).append('|').append(arg.pattern()).append('|')
                            .append(Arrays.toString(arg.choices())).append('|').append(arg.orWholeNumber()).append('|')
                            .append(arg.alsoText()).append('|').append(arg.minimum()).append('|').append(arg.maximum())
                            .append(')');
                }
                Class<?> componentType = component.getType();
                if (componentType.isRecord() || componentType.isEnum()) {
                    out.append(fingerprint(componentType));
                }
                out.append('}');
            }
        }
        return out.toString();
    }

    /** Whether the file at {@code url} came in a jar (with these classes, from the build that compiled them). */
    static boolean packaged(URL url) {
        return url != null && "jar".equals(url.getProtocol());
    }

    /** The schemas the build wrote, by record class name: {fingerprint, schema}; none when it wrote none. */
    private static Map<String, Object> pregenerated() {
        if (PREGENERATED_AT == null) {
            return Map.of();
        }
        try (InputStream in = PREGENERATED_AT.openStream()) {
            return Json.MAPPER.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException | JacksonException e) {
            return Map.of(); // generated at start instead: slower, the same schemas
        }
    }

    /** An argument's choices; one that may also be a whole number lists its numeric choices as numbers too (3 and "3"). */
    private static List<Object> choices(Arg arg) {
        if (arg.choices().length == 0) {
            return null;
        }
        List<Object> out = new ArrayList<>(Arrays.asList(arg.choices()));
        if (arg.orWholeNumber()) {
            Arrays.stream(arg.choices()).filter(c -> c.matches("\\d{1,9}")).map(Integer::valueOf).forEach(out::add);
        }
        return out;
    }

    private static Optional<Arg> arg(FieldScope field) {
        return Optional.ofNullable(field.getAnnotationConsideringFieldAndGetter(Arg.class));
    }

    /** Where a member is declared in its record (members of other types keep their order). */
    private static int position(MemberScope<?, ?> member) {
        RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
        for (int i = 0; components != null && i < components.length; i++) {
            if (components[i].getName().equals(member.getDeclaredName())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(Json.MAPPER, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON).without(Option.SCHEMA_VERSION_INDICATOR).with(Option.INLINE_ALL_SCHEMAS)
                // An enum's values as Jackson 3 reads and writes them: by toString() (a word such as "In Progress").
                .without(Option.FLATTENED_ENUMS).with(Option.FLATTENED_ENUMS_FROM_TOSTRING)
                .without(Option.FLATTENED_OPTIONALS);
        // Arguments in the order the record declares them (as the hand-written schemas list them), not alphabetically.
        config.forTypesInGeneral().withPropertySorter(Comparator.comparingInt(RecordSchemas::position));
        config.forFields()
                .withPropertyNameOverrideResolver(field -> name(field.getDeclaredName()))
                // An Optional part is its content when there, and left out (not sent as null) when not.
                .withTargetTypeOverridesResolver(field -> field.getType().isInstanceOf(Optional.class)
                        ? List.of(field.getTypeParameterFor(Optional.class, 0)) : null)
                .withDescriptionResolver(field -> arg(field).map(Arg::value).filter(d -> !d.isEmpty()).orElse(null))
                .withRequiredCheck(field -> arg(field).map(Arg::required).orElse(false))
                .withStringMaxLengthResolver(field -> arg(field).map(Arg::maxLength).filter(n -> n > 0).orElse(null))
                .withStringPatternResolver(field -> arg(field).map(Arg::pattern).filter(p -> !p.isEmpty()).orElse(null))
                .withEnumResolver(field -> arg(field).map(RecordSchemas::choices).orElse(null))
                .withNumberInclusiveMinimumResolver(field -> arg(field).map(Arg::minimum).filter(n -> n != Integer.MIN_VALUE)
                        .map(java.math.BigDecimal::valueOf).orElse(null))
                .withNumberInclusiveMaximumResolver(field -> arg(field).map(Arg::maximum).filter(n -> n != Integer.MAX_VALUE)
                        .map(java.math.BigDecimal::valueOf).orElse(null))
                .withCustomDefinitionProvider((field, context) -> {
                    boolean wholeNumber = arg(field).map(Arg::orWholeNumber).orElse(false);
                    boolean text = arg(field).map(Arg::alsoText).orElse(false);
                    if (!wholeNumber && !text) {
                        return null;
                    }
                    ObjectNode schema = context.getGeneratorConfig().createObjectNode();
                    if (wholeNumber) {
                        schema.putArray("type").add("string").add("integer");
                    } else {
                        schema.putArray("type").add("boolean").add("string");
                    }
                    return new CustomPropertyDefinition(schema,
                            CustomDefinition.AttributeInclusion.YES);
                });
        return new SchemaGenerator(config.build());
    }
}
