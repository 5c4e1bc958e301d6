package org.interdict.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Finds fields the schema does not know. fabric8's typed models keep unknown fields silently in
 * {@code additionalProperties}, so this walks every parsed object and reports each one it finds. Custom resources
 * (Strimzi, CloudNativePG, Keycloak, Prometheus Operator) have no typed model here: their fields are checked
 * against the shapes in {@code custom-resources.yaml}, which also lists the only custom kinds allowed — any other
 * kind fabric8 does not know, such as a misspelt core kind, is unknown.
 */
final class Fields {

    /** A shape leaf that accepts any scalar. */
    private static final String SCALAR = "scalar";
    /** A shape leaf that accepts anything (free-form maps such as Kafka's config or a realm). */
    private static final String ANY = "any";
    private static final Set<String> OBJECT_KEYS = Set.of("apiVersion", "kind", "metadata");

    private static final Map<String, Object> SHAPES = loadShapes();

    private Fields() {
    }

    static boolean isKnownKind(HasMetadata object) {
        return !(object instanceof GenericKubernetesResource) || shape(object) != null;
    }

    /** Paths of the fields in the object that its kind does not define. */
    static List<String> unknown(HasMetadata object) {
        List<String> found = new ArrayList<>();
        walk(object.getMetadata(), "metadata", found);
        if (object instanceof GenericKubernetesResource custom) {
            Object shape = shape(custom);
            if (shape != null) {
                custom.getAdditionalProperties().forEach((key, value) -> {
                    if (!OBJECT_KEYS.contains(key)) {
                        match(value, ((Map<?, ?>) shape).get(key), key, found);
                    }
                });
            }
        } else {
            walk(object, "", found);
        }
        return found;
    }

    private static Object shape(HasMetadata object) {
        Object kinds = SHAPES.get(object.getApiVersion());
        return kinds instanceof Map<?, ?> map ? map.get(object.getKind()) : null;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, found));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
                    }
                } else {
                    walk(fieldValue, join(path, field.getName()), found);
                }
            }
        }
    }

    private static void match(Object value, Object shape, String path, List<String> found) {
        if (shape == null) {
            found.add(path);
        } else if (ANY.equals(shape) || value == null) {
            return;
        } else if (SCALAR.equals(shape)) {
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                found.add(path + " (expected a single value)");
            }
        } else if (shape instanceof List<?> itemShape) {
            if (!(value instanceof List<?> items)) {
                found.add(path + " (expected a list)");
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                match(items.get(i), itemShape.get(0), path + "[" + i + "]", found);
            }
        } else if (shape instanceof Map<?, ?> fields) {
            if (!(value instanceof Map<?, ?> map)) {
                found.add(path + " (expected an object)");
                return;
            }
            map.forEach((key, item) -> match(item, fields.get(key), path + "." + key, found));
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadShapes() {
        try (InputStream in = Fields.class.getResourceAsStream("/custom-resources.yaml")) {
            return Manifests.SERIALIZATION.unmarshal(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
