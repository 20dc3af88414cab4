package org.passerelle.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import org.passerelle.core.http.HttpAnswer;
import org.passerelle.core.http.HttpCall;

/** Reading request bodies and writing answers as JSON; the mapper is stateless once built. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * The request's JSON object: 415 unless it says {@code application/json} (which also keeps
     * cross-site HTML forms out: they cannot send that type), 400 when it is not an object.
     * An empty body is an empty object.
     */
    static ObjectNode body(HttpCall call) throws ApiError {
        String type = call.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.startsWith("application/json;")) {
            throw new ApiError(415, "unsupported_media_type", "send the body as application/json");
        }
        if (call.body().length == 0) return MAPPER.createObjectNode();
        try {
            JsonNode node = MAPPER.readTree(call.body());
            if (node instanceof ObjectNode o) return o;
            throw ApiError.badRequest("the body must be a JSON object");
        } catch (IOException e) {
            throw ApiError.badRequest("malformed JSON");
        }
    }

    /** A required text field. */
    static String text(ObjectNode body, String field) throws ApiError {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw ApiError.badRequest(field + " is required (a string)");
        return v.asText();
    }

    static boolean flag(ObjectNode body, String field) throws ApiError {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw ApiError.badRequest(field + " must be true or false");
        return v.asBoolean();
    }

    static HttpAnswer answer(int status, Object value) {
        try {
            return HttpAnswer.json(status, MAPPER.writeValueAsString(value)).with("cache-control", "no-store");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static HttpAnswer error(ApiError e) {
        ObjectNode o = MAPPER.createObjectNode().put("error", e.code).put("message", e.getMessage());
        return answer(e.status, o);
    }
}
