package org.hrmlab.engine.train;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;

/** Turns a Jackson binding failure into one line naming the field by its dotted path, e.g. {@code arch.hidden_size}. */
final class ConfigFieldProblem {
    private ConfigFieldProblem() {
    }

    /**
     * @param e    what Jackson reported
     * @param root the document it was binding, to quote the offending value
     * @return e.g. {@code unknown field 'arch.foo'} or {@code field 'epochs' must be an integer, got '1.5'}
     */
    static String describe(JsonMappingException e, JsonNode root) {
        List<JsonMappingException.Reference> path = e.getPath();
        String field = dotted(path);
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field '" + field + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonNode given = at(root, path);
            return "field '" + field + "' must be " + expected(m.getTargetType())
                    + (given == null ? "" : ", got '" + quoted(given) + "'");
        }
        return "field '" + field + "': " + e.getOriginalMessage().lines().findFirst().orElse("cannot be read");
    }

    private static String dotted(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() == null) {
                sb.append('[').append(r.getIndex()).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    private static JsonNode at(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode n = root;
        for (JsonMappingException.Reference r : path) {
            n = r.getFieldName() == null ? n.path(r.getIndex()) : n.path(r.getFieldName());
        }
        return n.isMissingNode() ? null : n;
    }

    private static String quoted(JsonNode given) {
        return given.isValueNode() ? given.asText() : given.toString();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        return "a mapping of fields";
    }
}
