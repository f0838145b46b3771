package io.mailsift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the raw messages under a path given on the command line: an {@code .eml} file, an mbox file, a maildir, or a
 * directory searched recursively for all three. Anything it cannot read is reported and the walk goes on.
 */
final class MailSource {

    /** Receives the messages found and the inputs that could not be read. */
    interface Visitor {

        /** One raw message; {@code source} is its file, or {@code file#n} for the n-th message of an mbox. */
        void message(String source, byte[] raw);

        /** An input that could not be read, with a reason a user can act on. */
        void unreadable(String source, String reason);
    }

    private final Visitor visitor;
    private final Set<Path> visitedDirectories = new HashSet<>();

    private MailSource(Visitor visitor) {
        this.visitor = visitor;
    }

    /** Visits every message under {@code path}. */
    static void visit(Path path, Visitor visitor) {
        new MailSource(visitor).visitTopLevel(path);
    }

    private void visitTopLevel(Path path) {
        if (!Files.exists(path)) {
            visitor.unreadable(path.toString(), "no such file or directory");
        } else if (Files.isDirectory(path)) {
            visitDirectory(path);
        } else {
            // Named explicitly, so read whatever its name: mbox when it looks like one, a single message otherwise.
            visitFile(path);
        }
    }

    private void visitDirectory(Path dir) {
        try {
            // Guards against symbolic-link loops.
            if (!visitedDirectories.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            visitor.unreadable(dir.toString(), reason(e));
            return;
        }
        boolean maildir = MaildirReader.isMaildir(dir);
        if (maildir) {
            try {
                MaildirReader.messages(dir).forEach(this::visitMessageFile);
            } catch (IOException e) {
                visitor.unreadable(dir.toString(), reason(e));
            }
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            visitor.unreadable(dir.toString(), reason(e));
            return;
        }
        for (Path child : children) {
            if (Files.isDirectory(child)) {
                if (!(maildir && MaildirReader.isMaildirPart(child))) {
                    visitDirectory(child);
                }
            } else if (isEml(child) || looksLikeMbox(child)) {
                visitFile(child);
            }
        }
    }

    private void visitFile(Path file) {
        boolean mbox;
        try {
            mbox = MboxReader.looksLikeMbox(file);
        } catch (IOException e) {
            visitor.unreadable(file.toString(), reason(e));
            return;
        }
        if (!mbox) {
            visitMessageFile(file);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            MboxReader.read(in, (position, raw) -> visitor.message(file + "#" + position, raw));
        } catch (IOException e) {
            visitor.unreadable(file.toString(), reason(e));
        }
    }

    private void visitMessageFile(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            visitor.unreadable(file.toString(), reason(e));
            return;
        }
        visitor.message(file.toString(), raw);
    }

    private static boolean isEml(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
    }

    /** Only asked of files found while walking, so an unreadable one is reported when it is read as a message. */
    private static boolean looksLikeMbox(Path file) {
        try {
            return Files.isRegularFile(file) && MboxReader.looksLikeMbox(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case AccessDeniedException x -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
