package dev.streamcast.model;

import dev.streamcast.model.internal.LossFn;
import java.util.Locale;

/** Regression losses, averaged over every output element like Keras. */
public enum Loss {
    MSE("mse", LossFn.MSE), MAE("mae", LossFn.MAE), HUBER("huber", LossFn.HUBER);

    private final String kerasName;
    private final LossFn fn;

    Loss(String kerasName, LossFn fn) {
        this.kerasName = kerasName;
        this.fn = fn;
    }

    public String kerasName() {
        return kerasName;
    }

    LossFn fn() {
        return fn;
    }

    /** mse / mean_squared_error, mae / mean_absolute_error, huber / huber_loss (delta 1). */
    public static Loss byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("loss name must not be null; expected mse, mae or huber");
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "mse":
            case "mean_squared_error":
            case "meansquarederror":
                return MSE;
            case "mae":
            case "mean_absolute_error":
            case "meanabsoluteerror":
                return MAE;
            case "huber":
            case "huber_loss":
                return HUBER;
            default:
                throw new IllegalArgumentException("unknown loss '" + name
                        + "'; expected mse (mean_squared_error), mae (mean_absolute_error) or huber");
        }
    }
}
