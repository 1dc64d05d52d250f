/** The lab's stepper port backed by the real HRM engine, and the shipped default models it opens with. */
package org.hrmlab.app.engine.hrm;
