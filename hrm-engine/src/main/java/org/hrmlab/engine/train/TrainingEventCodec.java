package org.hrmlab.engine.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The one mapper behind {@link TrainingEvent#toJson} and {@link TrainingEvent#parse}. */
final class TrainingEventCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final ObjectWriter WRITER = JSON.writerFor(TrainingEvent.class);
    static final ObjectReader READER = JSON.readerFor(TrainingEvent.class);

    private TrainingEventCodec() {
    }
}
