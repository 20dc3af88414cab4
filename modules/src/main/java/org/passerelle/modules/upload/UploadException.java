package org.passerelle.modules.upload;

import java.time.Instant;
import org.passerelle.core.stanza.StanzaException;
import org.passerelle.xml.Element;

/** A slot request refused with a XEP-0363 §5 application element ({@code <file-too-large/>}, {@code <retry/>}) beside the condition. */
final class UploadException extends StanzaException {
    private UploadException(String condition, String text, Element detail) {
        super(condition, text, detail);
    }

    static UploadException fileTooLarge(long max) {
        return new UploadException("not-acceptable", "File too large. The maximum file size is " + max + " bytes",
                Element.builder("file-too-large", UploadModule.NS)
                        .child(Element.builder("max-file-size", UploadModule.NS).text(Long.toString(max)).build()).build());
    }

    /** resource-constraint (wait); with a stamp when the client may retry then. */
    static UploadException retry(String text, Instant when) {
        Element retry = when == null ? null : Element.builder("retry", UploadModule.NS).attr("stamp", when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).build();
        return new UploadException("resource-constraint", text, retry);
    }
}
