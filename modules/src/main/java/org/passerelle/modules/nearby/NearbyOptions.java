package org.passerelle.modules.nearby;

/**
 * {@code modules.nearby}: the service lives at {@code <subdomain>.<domain>} for each hosted domain
 * (default {@code nearby}); a search covers at most {@code maxRadiusKm} (default 50) and answers
 * at most {@code maxResults} (default 50) entries; a location older than {@code maxAgeMinutes}
 * (default 1440, a day; 0 for no limit) is not used.
 */
public record NearbyOptions(String subdomain, Integer maxRadiusKm, Integer maxResults, Integer maxAgeMinutes) {
    public NearbyOptions {
        if (subdomain == null) subdomain = "nearby";
        if (maxRadiusKm == null) maxRadiusKm = 50;
        if (maxResults == null) maxResults = 50;
        if (maxAgeMinutes == null) maxAgeMinutes = 1440;
        if (!subdomain.matches("[a-z0-9-]{1,63}")) throw new IllegalArgumentException("subdomain must be one DNS label, not " + subdomain);
        if (maxRadiusKm < 1 || maxRadiusKm > 20_000) throw new IllegalArgumentException("maxRadiusKm must be between 1 and 20000, not " + maxRadiusKm);
        if (maxResults < 1 || maxResults > 1000) throw new IllegalArgumentException("maxResults must be between 1 and 1000, not " + maxResults);
        if (maxAgeMinutes < 0) throw new IllegalArgumentException("maxAgeMinutes must not be negative");
    }
}
