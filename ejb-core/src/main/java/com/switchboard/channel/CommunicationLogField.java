package com.switchboard.channel;

import com.ibm.websphere.logging.hpel.LogRecordContext;

/**
 * Puts the communication id on every log record the current thread writes until closed, Liberty's
 * counterpart of an MDC entry: JSON logs (the aws profile) carry it as {@code ext_communicationId},
 * so one communication's lines can be found across the pipeline without repeating the id in messages.
 */
public final class CommunicationLogField implements AutoCloseable {
    static final String NAME = "communicationId";

    private CommunicationLogField() {}

    public static CommunicationLogField of(String communicationId) {
        if (communicationId != null) {
            LogRecordContext.addExtension(NAME, communicationId);
        }
        return new CommunicationLogField();
    }

    @Override
    public void close() {
        LogRecordContext.removeExtension(NAME);
    }
}
