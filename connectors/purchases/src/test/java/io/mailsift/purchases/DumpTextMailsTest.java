package io.mailsift.purchases;

import org.junit.jupiter.api.Test;

class DumpTextMailsTest {
    @Test
    void dump() throws Exception {
        PurchaseConnector connector = new PurchaseConnector();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/mails/text"))) {
            for (var file : files.sorted().toList()) {
                System.out.println("== " + file.getFileName());
                connector.extract(TestMails.resource("text/" + file.getFileName())).forEach(f -> System.out.println(f.data()));
            }
        }
    }
}
