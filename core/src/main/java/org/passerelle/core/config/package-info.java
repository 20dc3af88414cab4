/**
 * The server's YAML configuration as records with documented defaults, validated once at start
 * ({@link org.passerelle.core.config.ConfigLoader}); errors name the offending key.
 */
package org.passerelle.core.config;
