/**
 * JMH benchmarks of the connectors over the bench corpora (issues 5 and 6): extraction alone, parsing and extraction,
 * and the header prefilter on mail a connector declines. Run with {@code bench/jmh.sh}; see bench/README.md.
 */
@NullMarked
package io.mailsift.bench.jmh;

import org.jspecify.annotations.NullMarked;
