/**
 * The scenarios (login, idle, chat, presence) and what they share: the population by number,
 * the bounds of a run, open-loop pacing, login driving and per-step latency accounting.
 */
package org.passerelle.bench.scenario;
