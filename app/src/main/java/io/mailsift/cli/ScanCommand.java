package io.mailsift.cli;

/** {@code mailsift scan PATH...}: runs every connector offline over mail files and prints findings as JSON lines. */
public final class ScanCommand {

    private ScanCommand() {
    }

    /** Runs the scan; returns the process exit code. */
    public static int run(String[] args) {
        System.err.println("scan: not implemented yet");
        return 2;
    }
}
