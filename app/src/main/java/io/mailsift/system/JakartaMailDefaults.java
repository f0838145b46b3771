package io.mailsift.system;

/** Process-wide Jakarta Mail settings that both the service and the offline {@code scan} need. Free of Spring. */
public final class JakartaMailDefaults {

    /** Jakarta Mail's system property naming its stream provider implementation. */
    public static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private JakartaMailDefaults() {
    }

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a ServiceLoader on every header block, body part and
     * multipart it creates (jakartaee/mail-api#699, #861): in the Spring Boot jar that scan of every nested jar took a
     * quarter of the CPU of a backfill, and it takes class-loader locks on the parsing virtual threads. Named by this
     * system property, the class is instantiated directly instead. An operator's own value is kept.
     */
    public static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
