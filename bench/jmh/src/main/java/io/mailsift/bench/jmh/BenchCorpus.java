package io.mailsift.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.mailsift.connector.mail.EmailParser;
import io.mailsift.connector.mail.MalformedEmailException;

/** Reads a bench corpus: every {@code .eml} below a directory, in path order, parsed once. */
final class BenchCorpus {

    private BenchCorpus() {
    }

    /**
     * The corpus directory: {@code configured} as given when it exists, else resolved against the working directory's
     * parents, so that the repository default ({@code bench/travel-corpus}) is found from any folder of the checkout
     * (the repository root for bench/jmh.sh, the module's folder for its test).
     */
    static Path locate(String configured) {
        Path given = Path.of(configured);
        if (Files.isDirectory(given) || given.isAbsolute()) {
            return requireDirectory(given, configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(given))) {
                return dir.resolve(given);
            }
        }
        return requireDirectory(given, configured);
    }

    private static Path requireDirectory(Path dir, String configured) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no corpus directory '" + configured + "' (from "
                    + Path.of("").toAbsolutePath() + "): run from the repository root or pass the path with "
                    + "-p travelCorpus=DIR / -p purchaseCorpus=DIR");
        }
        return dir;
    }

    /** Every {@code .eml} below {@code root}, parsed; fails when one does not parse, as the corpus tests promise. */
    static List<CorpusMail> read(Path root, EmailParser parser) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> path.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the corpus " + root, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .eml file below " + root);
        }
        List<CorpusMail> mails = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                byte[] raw = Files.readAllBytes(file);
                mails.add(new CorpusMail(root.relativize(file).toString(), raw, parser.parse(raw)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            } catch (MalformedEmailException e) {
                throw new IllegalStateException("corpus mail " + file + " does not parse: " + e.getMessage(), e);
            }
        }
        return mails;
    }
}
