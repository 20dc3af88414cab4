package org.passerelle.modules.nearby;

import java.math.BigDecimal;
import java.util.List;

/**
 * A user's consent to be found: by {@code contacts} (accounts the user shares presence with) or by
 * everyone ({@code public}), at a {@code precision} in degrees (0.01 is about 1 km, 1 about 100 km).
 */
record OptIn(String visibility, BigDecimal precision) {
    static final List<String> VISIBILITIES = List.of("contacts", "public");
    static final List<String> PRECISIONS = List.of("0.01", "0.1", "1");

    boolean isPublic() {
        return "public".equals(visibility);
    }

    /** "public 0.01": how it is stored. */
    String encode() {
        return visibility + " " + precision.toPlainString();
    }

    static OptIn decode(String s) {
        String[] parts = s.split(" ");
        if (parts.length != 2 || !VISIBILITIES.contains(parts[0]) || !PRECISIONS.contains(parts[1])) return null;
        return new OptIn(parts[0], new BigDecimal(parts[1]));
    }
}
