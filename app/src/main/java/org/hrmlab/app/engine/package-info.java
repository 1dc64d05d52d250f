/**
 * The app's port to the model: {@link org.hrmlab.app.engine.StepperPort} and the immutable
 * {@link org.hrmlab.app.engine.LabFrame}s it produces, the single {@code hrm-engine} thread that calls it
 * ({@link org.hrmlab.app.engine.EngineRunner}), which also reads every recorded frame once
 * ({@link org.hrmlab.app.engine.FrameReader}), and the latest-wins hand-over to the FX thread
 * ({@link org.hrmlab.app.engine.SnapshotBridge}). The real engine behind the port is in
 * {@code org.hrmlab.app.engine.hrm}.
 */
package org.hrmlab.app.engine;
