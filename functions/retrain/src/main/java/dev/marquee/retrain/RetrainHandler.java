package dev.marquee.retrain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The retrain function: one Lambda for its two EventBridge triggers, told apart by {@code detail-type}. A schedule
 * tick starts a training job ({@link StartTraining}); the end of one of our jobs publishes its bundle
 * ({@link PublishCompletedJob}). Anything else is refused with the field that did not match.
 */
@Named("retrain")
public class RetrainHandler implements RequestHandler<EventBridgeEvent, RetrainOutcome> {
    private final StartTraining start;
    private final PublishCompletedJob publish;

    @Inject
    public RetrainHandler(StartTraining start, PublishCompletedJob publish) {
        this.start = start;
        this.publish = publish;
    }

    @Override
    public RetrainOutcome handleRequest(EventBridgeEvent event, Context context) {
        if (event == null || event.detailType() == null) {
            throw new IllegalArgumentException("not an EventBridge event: detail-type is missing");
        }
        return switch (event.detailType()) {
            case EventBridgeEvent.SCHEDULED -> start.onTick(event);
            case EventBridgeEvent.TRAINING_JOB_STATE_CHANGE -> publish.onStateChange(event);
            default -> throw new IllegalArgumentException("detail-type '" + event.detailType() + "' is not handled: expected '"
                    + EventBridgeEvent.SCHEDULED + "' or '" + EventBridgeEvent.TRAINING_JOB_STATE_CHANGE + "'");
        };
    }
}
