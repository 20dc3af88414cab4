/**
 * JMH microbenchmarks of the hot paths: XML parsing ({@link org.passerelle.microbench.ParseBenchmark})
 * and writing ({@link org.passerelle.microbench.WriteBenchmark}), the routing decision with every
 * module running ({@link org.passerelle.microbench.RouteBenchmark}), authentication
 * ({@link org.passerelle.microbench.ScramBenchmark}) and durable store writes
 * ({@link org.passerelle.microbench.StoreBenchmark}). The build only compiles them and runs one
 * operation of each as a unit test; {@code java -jar microbench/target/microbench.jar} runs them
 * (see docs/PERFORMANCE.md for the commands and results).
 */
package org.passerelle.microbench;
