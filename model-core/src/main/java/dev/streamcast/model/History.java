package dev.streamcast.model;

import java.util.Collections;
import java.util.List;

/** What {@link Sequential#fit} returns: per-epoch training loss (sample-weighted mean of batch losses) and val loss. */
public final class History {
    private final List<Double> loss;
    private final List<Double> valLoss;
    private final boolean stoppedEarly;
    private final int bestEpoch;

    History(List<Double> loss, List<Double> valLoss, boolean stoppedEarly, int bestEpoch) {
        this.loss = Collections.unmodifiableList(new java.util.ArrayList<>(loss));
        this.valLoss = Collections.unmodifiableList(new java.util.ArrayList<>(valLoss));
        this.stoppedEarly = stoppedEarly;
        this.bestEpoch = bestEpoch;
    }

    public List<Double> loss() {
        return loss;
    }

    /** Empty when fit ran without a validation split. */
    public List<Double> valLoss() {
        return valLoss;
    }

    public int epochsRun() {
        return loss.size();
    }

    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** 0-based epoch with the best monitored loss (val loss if present), -1 when early stopping was off. */
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public String toString() {
        return "History{loss=" + loss + ", valLoss=" + valLoss + ", stoppedEarly=" + stoppedEarly + "}";
    }
}
