package org.hrmlab.viz.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

import org.hrmlab.viz.grid.GridTheme;

/**
 * A strip over every recorded update: click or drag to move the time cursor. H-updates are short ticks, segment ends
 * tall lines, the halt a red bar and the first correct answer a green diamond. Drawn on four stacked canvases (strip,
 * progress line, markers, cursor knob) so that moving the cursor repaints only the progress line and the knob. The
 * strip lays out a <b>span</b> of updates, at least the recorded count (a run's planned length while it grows): as
 * long as the span stays, new updates and their marks ({@link #addMarkers}) are drawn without redrawing the others.
 */
public final class TimelineScrubber extends LayeredRegion {
    static final double PAD = 10;

    private int count;
    private int span;
    private int cursor = -1;
    private final List<TimelineMarker> markers = new ArrayList<>();
    private GridTheme theme = GridTheme.LIGHT;
    private IntConsumer onSeek = i -> { };
    private final ResizableCanvas strip = new ResizableCanvas();
    private final ResizableCanvas progress = new ResizableCanvas();
    private final ResizableCanvas marks = new ResizableCanvas();
    private final ResizableCanvas knob = new ResizableCanvas();

    public TimelineScrubber() {
        super(200, 34);
        getStyleClass().add("timeline-scrubber");
        addLayers(strip, progress, marks, knob);
        strip.setPainter(this::paintStrip);
        progress.setPainter(this::paintProgress);
        marks.setPainter(this::paintMarkers);
        knob.setPainter(this::paintKnob);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::seekTo);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::seekTo);
    }

    /** Shows {@code count} updates with the cursor at {@code cursor} (-1: none) and these marks, laid out end to end. */
    public void show(int count, int cursor, List<TimelineMarker> markers) {
        setLength(count, count);
        setMarkers(markers);
        setCursor(cursor);
    }

    /**
     * Shows {@code count} recorded updates laid out over {@code span} slots ({@code span < count} counts as
     * {@code count}). Redraws the marks and the cursor only when the span changes.
     */
    public void setLength(int count, int span) {
        int s = Math.max(count, span);
        this.count = count;
        if (s != this.span) {
            this.span = s;
            marks.repaint();
            progress.repaint();
            knob.repaint();
        }
    }

    /** Moves the cursor to update {@code cursor} (-1: none); repaints the progress line and the knob. */
    public void setCursor(int cursor) {
        if (cursor != this.cursor) {
            this.cursor = cursor;
            progress.repaint();
            knob.repaint();
        }
    }

    /** Replaces the marks and redraws them. */
    public void setMarkers(List<TimelineMarker> markers) {
        this.markers.clear();
        this.markers.addAll(markers);
        marks.repaint();
    }

    /** Adds marks (of new updates) and draws only them, unless the marks are about to be redrawn anyway. */
    public void addMarkers(List<TimelineMarker> more) {
        if (more.isEmpty()) {
            return;
        }
        this.markers.addAll(more);
        marks.paintOver((g, w, h) -> paintMarkers(g, w, h, more));
    }

    private void repaint() {
        for (var layer : List.of(strip, progress, marks, knob)) {
            layer.repaint();
        }
    }

    public void setOnSeek(IntConsumer onSeek) {
        this.onSeek = onSeek;
    }

    public void setTheme(GridTheme theme) {
        this.theme = theme;
        repaint();
    }

    /** The x centre of update {@code index} on a strip of {@code width} laid out for {@code count} updates. Pure. */
    public static double xOf(int index, int count, double width) {
        if (count <= 1) {
            return PAD;
        }
        return PAD + index * (width - 2 * PAD) / (count - 1);
    }

    /** The update nearest to {@code x}, clamped to [0, count-1]; -1 when empty. Pure. */
    public static int indexAt(double x, int count, double width) {
        if (count <= 0) {
            return -1;
        }
        if (count == 1) {
            return 0;
        }
        double t = (x - PAD) / (width - 2 * PAD) * (count - 1);
        return (int) Math.max(0, Math.min(count - 1, Math.round(t)));
    }

    private void seekTo(MouseEvent e) {
        int i = Math.min(count - 1, indexAt(e.getX(), span, getWidth()));
        if (i >= 0 && i != cursor) {
            onSeek.accept(i);
        }
    }

    private void paintStrip(GraphicsContext g, double w, double h) {
        double mid = h / 2;
        g.setFill(theme.cell());
        g.fillRoundRect(0, 0, w, h, 8, 8);
        g.setStroke(theme.gridLine());
        g.setLineWidth(2);
        g.strokeLine(PAD, mid, w - PAD, mid);
    }

    private void paintProgress(GraphicsContext g, double w, double h) {
        if (count > 0 && cursor >= 0) {
            double mid = h / 2;
            g.setStroke(theme.path());
            g.setLineWidth(3);
            g.strokeLine(PAD, mid, xOf(cursor, span, w), mid);
        }
    }

    private void paintMarkers(GraphicsContext g, double w, double h) {
        paintMarkers(g, w, h, markers);
    }

    private void paintMarkers(GraphicsContext g, double w, double h, List<TimelineMarker> which) {
        if (count <= 0) {
            return;
        }
        double mid = h / 2;
        for (var m : which) {
            double x = Math.round(xOf(m.index(), span, w)) + 0.5;
            switch (m.kind()) {
                case H_UPDATE -> line(g, theme.boxLine(), 1, x, mid - 5, mid + 5);
                case SEGMENT_END -> line(g, theme.givenText(), 1.5, x, 4, h - 4);
                case HALT -> line(g, theme.conflict(), 3, x, 2, h - 2);
                case FIRST_CORRECT -> {
                    g.setFill(theme.start());
                    g.fillPolygon(new double[] {x, x + 6, x, x - 6}, new double[] {mid - 8, mid, mid + 8, mid}, 4);
                }
                default -> { }
            }
        }
    }

    private void paintKnob(GraphicsContext g, double w, double h) {
        if (count > 0 && cursor >= 0) {
            double mid = h / 2;
            double x = xOf(cursor, span, w);
            g.setFill(theme.path());
            g.fillOval(x - 7, mid - 7, 14, 14);
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeOval(x - 7, mid - 7, 14, 14);
        }
    }

    private static void line(GraphicsContext g, Color c, double width, double x, double y0, double y1) {
        g.setStroke(c);
        g.setLineWidth(width);
        g.strokeLine(x, y0, x, y1);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return 34;
    }
}
