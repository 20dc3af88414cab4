package org.passerelle.bench.scenario;

import java.util.Locale;

/**
 * The benchmark population by number: user {@code i} is {@code String.format(userPattern, i)} on
 * {@code domain} with password {@code String.format(passwordPattern, i)}.
 */
public record Users(String userPattern, String passwordPattern, String domain) {
    public Users {
        if (!userPattern.matches(".*%0?[0-9]*d.*")) throw new IllegalArgumentException("the user pattern needs %d, e.g. bench%d");
    }

    public String user(int i) {
        return String.format(Locale.ROOT, userPattern, i);
    }

    public String password(int i) {
        return String.format(Locale.ROOT, passwordPattern, i);
    }

    public String bareJid(int i) {
        return user(i) + "@" + domain;
    }
}
