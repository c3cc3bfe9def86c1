// Paris from the arrondissement polygons the platform serves (no tiles), stations as dots
// coloured by fill level; SVG so each dot is an element a person (or a test) can inspect.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export const ALERT_LEVEL = 0.9;

export function fillColour(level: number | null): string {
  if (level === null) return '#9aa4ae';
  if (level >= ALERT_LEVEL) return '#d62f2f';
  if (level >= 0.75) return '#f07f1a';
  if (level >= 0.5) return '#f2c12e';
  return '#2e9e44';
}

function isAlert(level: number | null): boolean {
  return level !== null && level >= ALERT_LEVEL;
}

/** A station's dot for its fill level: alerts larger, with a dark red outline. */
function dotStyle(level: number | null) {
  const alert = isAlert(level);
  return {
    fillColor: fillColour(level),
    color: alert ? '#6b0000' : '#1d2733',
    weight: alert ? 3 : 1,
    radius: alert ? 7 : 4,
  };
}

export interface ArrondissementShape {
  code: number;
  name: string;
  geometry: Record<string, unknown> | null;
}

export interface StationDot {
  id: string;
  name: string;
  fillingLevel: number | null;
  location: { latitude: number; longitude: number };
}

/** Notre-Dame: the map's first view, before the arrondissements fit it. */
const PARIS_CENTRE: L.LatLngTuple = [48.853, 2.3499];

export class CityMap {
  private readonly map: L.Map;
  private readonly stations = new Map<string, L.CircleMarker>();
  private readonly areas = new Map<number, L.GeoJSON>();

  constructor(element: HTMLElement) {
    this.map = L.map(element, {
      zoomSnap: 0.25,
      attributionControl: false,
      renderer: L.svg(),
    });
    // A view from the start: Leaflet draws no layer (and cannot restyle or raise one) before the
    // map has a view, and stations and live levels may arrive before the arrondissements fit it.
    this.map.setView(PARIS_CENTRE, 12);
  }

  drawArrondissements(arrondissements: ArrondissementShape[]): void {
    const group = L.featureGroup();
    for (const arrondissement of arrondissements) {
      if (!arrondissement.geometry) continue;
      const layer = L.geoJSON(arrondissement.geometry as unknown as GeoJSON.GeoJsonObject, {
        style: {
          color: '#51606f',
          weight: 1.5,
          fillColor: '#e8edf2',
          fillOpacity: 1,
          className: `arrondissement arrondissement-${arrondissement.code}`,
        },
      });
      layer.bindTooltip(arrondissement.name, { sticky: true });
      group.addLayer(layer);
      this.areas.set(arrondissement.code, layer);
    }
    group.addTo(this.map);
    this.fit(group);
    new ResizeObserver(() => {
      this.map.invalidateSize();
      this.fit(group);
    }).observe(this.map.getContainer());
  }

  /** Arrondissements with alerting containers get a red outline. */
  highlightAlerts(code: number, alertingStations: number): void {
    this.areas
      .get(code)
      ?.setStyle(alertingStations > 0 ? { color: '#b3261e', weight: 3 } : { color: '#51606f', weight: 1.5 });
  }

  addStations(stations: StationDot[]): void {
    for (const station of stations) {
      // Created with its colour, not re-styled after: one path update per dot, not three.
      const dot = L.circleMarker([station.location.latitude, station.location.longitude], {
        ...dotStyle(station.fillingLevel),
        fillOpacity: 0.95,
        className: `station station-${station.id}`,
      })
        .bindTooltip(station.name)
        .addTo(this.map);
      this.stations.set(station.id, dot);
      if (isAlert(station.fillingLevel)) dot.bringToFront();
    }
  }

  setLevel(stationId: string, level: number | null): void {
    const dot = this.stations.get(stationId);
    if (!dot) return;
    const { radius, ...style } = dotStyle(level);
    dot.setStyle(style);
    dot.setRadius(radius);
    if (isAlert(level)) dot.bringToFront();
  }

  private fit(group: L.FeatureGroup): void {
    const bounds = group.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [8, 8] });
  }
}
