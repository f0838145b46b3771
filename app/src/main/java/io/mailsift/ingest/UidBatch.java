package io.mailsift.ingest;

import java.util.List;
import java.util.StringJoiner;

/**
 * The UIDs of one committed batch as the progress statements bind them: a PostgreSQL {@code bigint[]} literal (to
 * count those inside a window in SQL) and the highest UID (the new progress).
 */
record UidBatch(String array, long highest) {

    static UidBatch of(List<Long> uids) {
        StringJoiner array = new StringJoiner(",", "{", "}");
        long highest = 0;
        for (long uid : uids) {
            array.add(Long.toString(uid));
            highest = Math.max(highest, uid);
        }
        return new UidBatch(array.toString(), highest);
    }
}
