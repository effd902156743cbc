import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import type { DashboardChart } from './api.js';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
);

/** Colours that stay apart for the common colour blindnesses (Okabe and Ito), then Teams' purple. */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#5B5FC7',
  '#999999',
];

const charts = new Map<HTMLCanvasElement, Chart>();

/** Draws one dashboard chart with Chart.js; the colours of text follow the page's theme. */
export function drawChart(canvas: HTMLCanvasElement, part: DashboardChart, locale: string): void {
  charts.get(canvas)?.destroy();
  const style = getComputedStyle(document.body);
  const text = style.getPropertyValue('--text').trim() || '#242424';
  const grid = style.getPropertyValue('--line').trim() || '#e0e0e0';
  const doughnut = part.type === 'doughnut';
  const stacked = part.type === 'stacked-bar';
  const chart = new Chart(canvas, {
    type: doughnut ? 'doughnut' : 'bar',
    data: {
      labels: part.labels,
      datasets: part.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: doughnut
          ? part.labels.map((_, j) => PALETTE[j % PALETTE.length]!)
          : PALETTE[i % PALETTE.length]!,
        borderColor: doughnut ? style.getPropertyValue('--surface').trim() || '#fff' : undefined,
      })),
    },
    options: {
      locale: locale === 'en' ? 'en-GB' : 'sv-SE',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: {
          display: doughnut || part.series.length > 1,
          position: 'bottom',
          labels: { color: text, boxWidth: 12 },
        },
        tooltip: { enabled: true },
      },
      scales: doughnut
        ? {}
        : {
            x: { stacked, ticks: { color: text }, grid: { color: grid } },
            y: {
              stacked,
              beginAtZero: true,
              ticks: { color: text, precision: 0 },
              grid: { color: grid },
            },
          },
    },
  });
  charts.set(canvas, chart);
  canvas.dataset.drawn = 'true';
}
