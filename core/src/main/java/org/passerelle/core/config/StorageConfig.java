package org.passerelle.core.config;

/**
 * Where data lives. {@code type: sqlite} (default) keeps {@code path} (relative to the data
 * directory); {@code type: postgresql} connects to {@code url} with {@code username} and
 * {@code password}.
 */
public record StorageConfig(String type, String path, String url, String username, String password, Integer poolSize) {
    public StorageConfig {
        type = Checks.orDefault(type, "sqlite");
        if (!type.equals("sqlite") && !type.equals("postgresql")) {
            throw new IllegalArgumentException("type must be sqlite or postgresql, not " + type);
        }
        path = Checks.orDefault(path, "passerelle.db");
        if (type.equals("postgresql") && (url == null || !url.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("url must be a jdbc:postgresql: URL when type is postgresql");
        }
        poolSize = Checks.range("poolSize", Checks.orDefault(poolSize, 8), 1, 200);
    }

    public static StorageConfig defaults() {
        return new StorageConfig(null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "StorageConfig[type=" + type + ", path=" + path + ", url=" + url + ", username=" + username + "]";
    }
}
