package org.passerelle.modules.nearby;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.passerelle.xml.Element;

/** A WGS84 position in degrees, great-circle distance and rounding to a grid. */
record Geo(double lat, double lon) {
    static final String GEOLOC = "http://jabber.org/protocol/geoloc";
    /** Mean Earth radius (IUGG), km. */
    private static final double EARTH_KM = 6371.0088;

    /** True for finite coordinates within ±90 / ±180. */
    static boolean valid(double lat, double lon) {
        return !Double.isNaN(lat) && !Double.isNaN(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }

    /** The position in a XEP-0080 {@code <geoloc/>}; null when it has none or an invalid one. */
    static Geo of(Element geoloc) {
        if (geoloc == null || !geoloc.is("geoloc", GEOLOC)) return null;
        String lat = geoloc.childText("lat", GEOLOC);
        String lon = geoloc.childText("lon", GEOLOC);
        if (lat == null || lon == null) return null;
        try {
            double la = Double.parseDouble(lat.trim());
            double lo = Double.parseDouble(lon.trim());
            return valid(la, lo) ? new Geo(la, lo) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Haversine distance in km. */
    double distanceKm(Geo other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Both coordinates rounded to the nearest multiple of {@code step} degrees (0.01, 0.1 or 1). */
    Geo rounded(BigDecimal step) {
        return new Geo(round(lat, step), round(lon, step));
    }

    private static double round(double v, BigDecimal step) {
        return BigDecimal.valueOf(v).divide(step, 0, RoundingMode.HALF_UP).multiply(step).doubleValue();
    }

    /** A coordinate written with as many decimals as the step has. */
    static String format(double v, BigDecimal step) {
        return BigDecimal.valueOf(v).setScale(Math.max(0, step.scale()), RoundingMode.HALF_UP).toPlainString();
    }
}
