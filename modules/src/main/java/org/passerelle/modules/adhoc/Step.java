package org.passerelle.modules.adhoc;

import java.util.List;
import org.passerelle.modules.forms.DataForm;

/** What a command answers at one stage: a form to fill in, or the end of the command. */
public sealed interface Step {
    /** A form to fill in; {@code last} when submitting it completes the command. */
    record Executing(DataForm form, boolean last) implements Step {
    }

    /** The command is done; {@code result} may be null. A failed command carries an error note (XEP-0050 §3.6). */
    record Completed(DataForm result, List<Note> notes) implements Step {
        public Completed {
            notes = List.copyOf(notes);
        }
    }

    /** A {@code <note/>}: type info, warn or error. */
    record Note(String type, String text) {
        public static Note info(String text) { return new Note("info", text); }

        public static Note warn(String text) { return new Note("warn", text); }

        public static Note error(String text) { return new Note("error", text); }
    }

    /** A stage followed by more stages. */
    static Step next(DataForm form) {
        return new Executing(form, false);
    }

    /** The last stage: submitting this form completes the command. */
    static Step last(DataForm form) {
        return new Executing(form, true);
    }

    static Step completed(DataForm result, Note... notes) {
        return new Completed(result, List.of(notes));
    }

    static Step completed(Note... notes) {
        return new Completed(null, List.of(notes));
    }
}
