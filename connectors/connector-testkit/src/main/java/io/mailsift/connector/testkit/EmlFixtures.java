package io.mailsift.connector.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.mailsift.connector.Email;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.connector.mail.MalformedEmailException;

/**
 * Loads {@code .eml} files (raw RFC 5322 messages, as saved by any mail client) into the {@link Email} a connector
 * receives, parsed by the platform's own {@link EmailParser}.
 *
 * <p>Failures are test failures: a missing file or a message the platform would quarantine throws an
 * {@link AssertionError} naming the file.
 */
public final class EmlFixtures {

    private static final EmailParser PARSER = new EmailParser();

    private EmlFixtures() {
    }

    /** Parses one {@code .eml} file. */
    public static Email load(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return PARSER.parse(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read fixture " + eml + ": " + e.getMessage(), e);
        } catch (MalformedEmailException e) {
            throw new AssertionError("fixture " + eml + " is not a readable message: " + e.getMessage(), e);
        }
    }

    /**
     * Parses an {@code .eml} file on the test class path, e.g. {@code resource("mails/lufthansa.eml")} for
     * {@code src/test/resources/mails/lufthansa.eml}.
     */
    public static Email resource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        try {
            return PARSER.parse(bytes(path));
        } catch (MalformedEmailException e) {
            throw new AssertionError("fixture " + path + " is not a readable message: " + e.getMessage(), e);
        }
    }

    /** The bytes of a file on the test class path; a missing or unreadable one fails the test with its path. */
    static byte[] bytes(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = EmlFixtures.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no fixture '" + path + "' on the class path (put it under "
                        + "src/test/resources)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("cannot read fixture " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses raw message bytes, for messages built or modified in a test. */
    public static Email parse(byte[] raw) {
        try {
            return PARSER.parse(raw);
        } catch (MalformedEmailException e) {
            throw new AssertionError("not a readable message: " + e.getMessage(), e);
        }
    }

    /** The {@code .eml} files of a directory and its subdirectories, sorted, for parameterized tests. */
    public static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list fixtures in " + directory, e);
        }
    }
}
