package io.wksemu.error;

/**
 * Tells which driver failures mean "the database cannot be reached". The store package knows the driver and
 * implements it; the error package only turns the answer into WKS.00000003 or EMU.0503.
 */
public interface OutageClassifier {

    boolean isOutage(Throwable failure);
}
