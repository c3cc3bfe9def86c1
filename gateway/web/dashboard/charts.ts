// The live charts: the city's load over time (uPlot) and bar lists for the per-arrondissement figures.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const MAX_POINTS = 120;

export class LoadChart {
  private readonly times: number[] = [];
  private readonly values: number[] = [];
  private readonly plot: uPlot;

  constructor(element: HTMLElement, label: string) {
    this.plot = new uPlot(
      {
        width: element.clientWidth || 400,
        height: 180,
        legend: { show: false },
        scales: { x: { time: true } },
        series: [{}, { label, stroke: '#0b5cad', width: 2, fill: 'rgba(11,92,173,0.12)' }],
        axes: [{ stroke: '#4a5868' }, { stroke: '#4a5868', size: 60 }],
      },
      [[], []],
      element,
    );
    new ResizeObserver(() => this.plot.setSize({ width: element.clientWidth, height: 180 })).observe(element);
  }

  push(timeSeconds: number, value: number): void {
    this.times.push(timeSeconds);
    this.values.push(value);
    if (this.times.length > MAX_POINTS) {
      this.times.shift();
      this.values.shift();
    }
    this.plot.setData([this.times, this.values]);
  }
}

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  /** Shown instead of the value (e.g. "< 5" for a withheld count). */
  text?: string;
  alert?: boolean;
}

/** Horizontal bars, redrawn in place (cheap for 20 rows, and readable on a wall or a phone). */
export class BarList {
  constructor(private readonly element: HTMLElement) {
    element.classList.add('bars');
  }

  render(bars: Bar[]): void {
    const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
    const rows = bars.map((bar) => {
      const row = document.createElement('div');
      row.className = `bar${bar.alert ? ' alert' : ''}`;
      row.dataset.key = bar.key;
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = bar.label;
      const track = document.createElement('span');
      track.className = 'track';
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.style.width = `${((bar.value ?? 0) / max) * 100}%`;
      track.append(fill);
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = bar.text ?? String(bar.value ?? '');
      row.append(label, track, value);
      return row;
    });
    this.element.replaceChildren(...rows);
  }
}
