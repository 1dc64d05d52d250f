/**
 * The Hierarchical Reasoning Model (Wang et al., arXiv 2506.21734) on ND4J: configuration, weights, stepping one
 * L- or H-update at a time, and immutable snapshots of the recurrent states for the views.
 */
package org.hrmlab.engine;
