package io.mailsift.bench.jmh;

import io.mailsift.connector.Email;

/** One corpus mail: where it came from, its raw bytes and the parse of them. */
record CorpusMail(String name, byte[] raw, Email email) {
}
