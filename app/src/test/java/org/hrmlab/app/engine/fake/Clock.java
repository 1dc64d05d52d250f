package org.hrmlab.app.engine.fake;

import org.hrmlab.app.engine.InferenceSettings;
import org.hrmlab.app.engine.UpdateKind;

/**
 * Where update {@code index} falls in the HRM schedule (segment, H cycle, L step) and the scripted rotation angles of
 * both states: zL settles within each H cycle and jumps after an H-update; zH moves less each segment.
 */
record Clock(int index, UpdateKind kind, int segment, int hCycle, int lStep, boolean segmentEnd, double thetaL,
             double thetaH, double lastDeltaL, double lastDeltaH) {

    static Clock at(int index, InferenceSettings s) {
        int per = s.updatesPerSegment();
        double thetaL = 0;
        double thetaH = 0;
        double dL = 0;
        double dH = 0;
        Clock clock = new Clock(0, UpdateKind.INIT, 0, 0, 0, false, 0, 0, 0, 0);
        for (int t = 1; t <= index; t++) {
            int u = t - 1;
            int segment = u / per + 1;
            int within = u % per;
            int hCycle = within / (s.lCycles() + 1) + 1;
            int pos = within % (s.lCycles() + 1);
            boolean isL = pos < s.lCycles();
            double damp = Math.pow(0.8, segment - 1);
            if (isL) {
                dL = 0.9 * Math.pow(0.4, pos) * damp;
                thetaL += dL;
            } else {
                dH = 0.5 * damp;
                thetaH += dH;
            }
            clock = new Clock(t, isL ? UpdateKind.L : UpdateKind.H, segment, hCycle, isL ? pos + 1 : 0,
                    within == per - 1, thetaL, thetaH, dL, dH);
        }
        return clock;
    }

    /** Script time in segments: H-updates done so far over H cycles per segment, plus L progress within a cycle. */
    double scriptTime(InferenceSettings s) {
        if (kind == UpdateKind.INIT) {
            return 0;
        }
        int per = s.updatesPerSegment();
        return (index) / (double) per;
    }
}
