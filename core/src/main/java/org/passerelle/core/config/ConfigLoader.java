package org.passerelle.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and validates the YAML configuration; every error names the key that is wrong. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /** Loads the file, or the defaults when {@code file} is null. */
    public static ServerConfig load(Path file) {
        if (file == null) return ServerConfig.defaults();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static ServerConfig parse(String yaml, String source) {
        if (yaml.isBlank()) return ServerConfig.defaults();
        try {
            ServerConfig config = YAML.readValue(yaml, ServerConfig.class);
            return config == null ? ServerConfig.defaults() : config;
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts one module's section to its options record; an absent section gives the defaults. */
    public static <T> T moduleOptions(ServerConfig config, String module, Class<T> type) {
        JsonNode node = config.modules().get(module);
        try {
            return YAML.treeToValue(node == null || node.isNull() ? YAML.createObjectNode() : node, type);
        } catch (JsonMappingException e) {
            throw new ConfigException("modules." + module + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("modules." + module + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " (line " + e.getLocation().getLineNr() + ")";
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + (path.isEmpty() ? u.getPropertyName() : path) + "'" + where
                    + "; known keys here: " + u.getKnownPropertyIds();
        }
        Throwable cause = e.getCause();
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        return (path.isEmpty() ? "" : path + ": ") + reason + where;
    }
}
