package io.agentcalls.initiation.selection;

/**
 * Why a customer who matched the filters is not called, in the order the safeguards are checked: a
 * customer is counted once, under the first that applies. Each reason is one code in the selection
 * statement, given here and nowhere else; the statements name them as {@code ${ACTIVE_CALL}}.
 */
public enum SkipReason {
    ACTIVE_CALL(1, "skipped_active_call"),
    DO_NOT_CALL(2, "skipped_do_not_call"),
    ATTEMPT_LIMIT(3, "skipped_attempt_limit"),
    /** The organization's contact policy: this phone was called enough today or this week, in any campaign. */
    CONTACT_POLICY(5, "skipped_contact_policy"),
    OUTSIDE_CALLING_WINDOW(4, "skipped_outside_window");

    /** The code of a customer no safeguard holds back; the statements name it {@code ${NONE}}. */
    static final int NONE = 0;

    private final int code;
    private final String column;

    SkipReason(int code, String column) {
        this.code = code;
        this.column = column;
    }

    /** The statement's count of the customers skipped for this reason. */
    String column() {
        return column;
    }

    /** The statement with every reason's slot replaced by its code. */
    static String withCodes(String sql) {
        String filled = sql.replace("${NONE}", Integer.toString(NONE));
        for (SkipReason reason : values()) {
            filled = filled.replace("${" + reason.name() + "}", Integer.toString(reason.code));
        }
        return filled;
    }
}
