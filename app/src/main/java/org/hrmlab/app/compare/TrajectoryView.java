package org.hrmlab.app.compare;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.hrmlab.app.engine.TrajectoryPca;
import org.hrmlab.viz.color.SeriesPalette;
import org.hrmlab.viz.fx.PathProgressLayer;
import org.hrmlab.viz.fx.ResizableCanvas;
import org.hrmlab.viz.grid.GridTheme;

/**
 * One side's state trajectory on its first two principal components (the inspector's PCA, fitted off the FX thread on
 * the mean-pooled states of every update of the run): the high- or low-level state, named by the model's family, the
 * whole path faint, segment ends as squares, and the path up to the cursor drawn strong by a {@link PathProgressLayer}
 * with the cursor's update ringed. The faint path is drawn when the fit, the state or the size changes; a cursor move
 * only moves the progress layer, whose cost does not grow with the run.
 */
final class TrajectoryView extends BorderPane {
    private static final double PAD = 14;

    private final ResizableCanvas base = new ResizableCanvas();
    private final PathProgressLayer progress = new PathProgressLayer();
    private final Pane plot = new Pane(base, progress);
    private final ToggleGroup states = new ToggleGroup();
    private final ToggleButton high = new ToggleButton("zH");
    private final ToggleButton low = new ToggleButton("zL");
    private final Label caption = new Label();
    private TrajectoryPca pca = TrajectoryPca.notFitted(0, 0, new int[0]);
    private GridTheme theme = GridTheme.LIGHT;
    private int cursor = -1;
    private double[] px = new double[0];
    private double[] py = new double[0];

    TrajectoryView(String idPrefix) {
        getStyleClass().add("compare-trajectory");
        var title = new Label("PCA trajectory");
        title.getStyleClass().add("panel-title");
        high.setUserData("zH");
        low.setUserData("zL");
        high.setId(idPrefix + "-pca-high");
        low.setId(idPrefix + "-pca-low");
        for (var t : new ToggleButton[] {high, low}) {
            t.setToggleGroup(states);
            t.setFocusTraversable(false);
        }
        high.setSelected(true);
        states.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                layoutPath();
            }
        });
        var bar = new HBox(6, title, high, low);
        bar.setAlignment(Pos.CENTER_LEFT);
        caption.getStyleClass().add("pca-caption");
        caption.setId(idPrefix + "-pca-caption");
        plot.setMinSize(60, 60);
        plot.setPrefSize(200, 150);
        base.setManaged(false);
        progress.setManaged(false);
        base.setPainter(this::paint);
        plot.widthProperty().addListener(o -> layoutPath());
        plot.heightProperty().addListener(o -> layoutPath());
        setTop(bar);
        setCenter(plot);
        setBottom(caption);
    }

    /** Names the toggles after the family's states (zH/zL, or TRM's y/z). */
    void setStateNames(String highName, String lowName) {
        high.setText(highName);
        low.setText(lowName);
    }

    void setTheme(GridTheme t) {
        theme = t;
        layoutPath();
    }

    /** A new fit: the path is laid out and drawn again. */
    void show(TrajectoryPca fit) {
        pca = fit;
        layoutPath();
    }

    /** Draws the path up to update {@code index} strong and rings it (-1: none). */
    void setCursor(int index) {
        cursor = index;
        progress.setCursor(index);
    }

    /** @return the update ringed, -1 for none */
    int cursor() {
        return progress.cursor();
    }

    /** @return the points of the path laid out (0 before a fit) */
    int points() {
        return px.length;
    }

    private String latent() {
        return (String) states.getSelectedToggle().getUserData();
    }

    private String latentName() {
        return ((ToggleButton) states.getSelectedToggle()).getText();
    }

    /** Maps the chosen state's PC1/PC2 to pixels (on a new fit, state, size or theme only). */
    private void layoutPath() {
        double w = plot.getWidth();
        double h = plot.getHeight();
        base.resize(w, h);
        progress.resize(w, h);
        var p = pca.fitted() ? pca.projection(latent()) : null;
        if (p == null || w < 2 * PAD || h < 2 * PAD) {
            px = new double[0];
            py = new double[0];
            caption.setText(pca.fitted() ? "" : "PCA needs " + TrajectoryPca.MIN_SAMPLES + " updates after the"
                    + " initial state");
        } else {
            double[] x = p.pc1();
            double[] y = p.pc2();
            double[] r = bounds(x, y);
            px = new double[x.length];
            py = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                px[i] = PAD + (x[i] - r[0]) / (r[1] - r[0]) * (w - 2 * PAD);
                py[i] = h - PAD - (y[i] - r[2]) / (r[3] - r[2]) * (h - 2 * PAD);
            }
            double[] ratio = p.ratio();
            caption.setText(String.format(Locale.ROOT, "%s: PC1 %.1f %%, PC2 %.1f %% of variance, N = %d",
                    latentName(), 100 * ratio[0], 100 * ratio[1], pca.samples()));
        }
        Color colour = colour();
        progress.setStyle(colour, 2, 3, theme.givenText());
        progress.setPoints(px, py);
        progress.setCursor(cursor);
        base.repaint();
    }

    private Color colour() {
        var c = "zL".equals(latent()) ? SeriesPalette.Z_L : SeriesPalette.Z_H;
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    private void paint(GraphicsContext g, double w, double h) {
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (px.length == 0) {
            return;
        }
        g.setStroke(colour().deriveColor(0, 1, 1, 0.25));
        g.setLineWidth(1);
        g.beginPath();
        g.moveTo(px[0], py[0]);
        for (int i = 1; i < px.length; i++) {
            g.lineTo(px[i], py[i]);
        }
        g.stroke();
        g.setFill(theme.givenText());
        for (int end : pca.segmentEnds()) {
            if (end < px.length) {
                g.fillRect(px[end] - 3, py[end] - 3, 6, 6);
            }
        }
        g.setFont(Font.font("System", 10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("\u25b2 start", px[0] + 4, py[0] + 2);
    }

    /** {xMin, xMax, yMin, yMax}, widened where a range is empty. */
    private static double[] bounds(double[] x, double[] y) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int i = 0; i < x.length; i++) {
            r[0] = Math.min(r[0], x[i]);
            r[1] = Math.max(r[1], x[i]);
            r[2] = Math.min(r[2], y[i]);
            r[3] = Math.max(r[3], y[i]);
        }
        for (int k = 0; k < 4; k += 2) {
            if (!(r[k + 1] > r[k])) {
                r[k] -= 1;
                r[k + 1] += 1;
            }
        }
        return r;
    }
}
