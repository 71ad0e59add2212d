package io.wksemu.store;

import io.wksemu.error.OutageClassifier;
import jakarta.inject.Singleton;

/** {@link StoreOutage#isOutage} for the error mapper. */
@Singleton
public class StoreOutageClassifier implements OutageClassifier {

    @Override
    public boolean isOutage(Throwable failure) {
        return StoreOutage.isOutage(failure);
    }
}
