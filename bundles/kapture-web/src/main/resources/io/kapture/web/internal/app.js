// Kapture preview page: polls api/cameras once a second, keeps one card per camera (its MJPEG stream and its
// figures) and reconnects a stream that ended. Text goes in with textContent only, never as HTML.
'use strict';

const POLL_MILLIS = 1000;
const RECONNECT_MILLIS = 2000;
const cards = new Map();
const FIELDS = [
  ['state', 'State'], ['device', 'Device'], ['format', 'Format'], ['adjustments', 'Adjusted'],
  ['fps', 'Frames/s'], ['configuredFps', 'Configured frames/s'], ['restarts', 'Restarts'],
  ['captured', 'Captured'], ['delivered', 'Delivered'], ['dropped', 'Dropped'], ['sequenceGaps', 'Sequence gaps'],
  ['sequenceRepeats', 'Sequence repeats'], ['corrupted', 'Corrupted'], ['buffers', 'Driver buffers queued'],
  ['delivery', 'Delivery'], ['listeners', 'Listeners'], ['previews', 'Preview streams'], ['lastError', 'Last problem'],
];

function streamUrl(name) {
  return 'stream/' + encodeURIComponent(name) + '?t=' + Date.now();
}

function createCard(name) {
  const card = document.createElement('section');
  card.className = 'camera';
  card.dataset.camera = name;
  const image = document.createElement('img');
  image.alt = 'Live picture of camera ' + name;
  image.src = streamUrl(name);
  image.addEventListener('error', () => setTimeout(() => {
    if (cards.has(name)) {
      image.src = streamUrl(name);
    }
  }, RECONNECT_MILLIS));
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = name;
  const cells = {};
  for (const [key, label] of FIELDS) {
    const row = table.insertRow();
    const header = document.createElement('th');
    header.textContent = label;
    row.appendChild(header);
    cells[key] = row.insertCell();
    cells[key].dataset.field = key;
  }
  card.append(image, table);
  document.getElementById('cameras').appendChild(card);
  return { card, cells };
}

function show(value) {
  if (value === null || value === undefined) {
    return '-';
  }
  return typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1) : String(value);
}

function render(data) {
  const seen = new Set();
  for (const camera of data.cameras) {
    seen.add(camera.name);
    let entry = cards.get(camera.name);
    if (!entry) {
      entry = createCard(camera.name);
      cards.set(camera.name, entry);
    }
    entry.card.classList.toggle('stopped', camera.state !== 'RUNNING');
    const values = Object.assign({}, camera, { buffers: camera.queuedBuffers + ' of ' + camera.bufferCount });
    for (const [key] of FIELDS) {
      entry.cells[key].textContent = show(values[key]);
      entry.cells[key].classList.toggle('error', key === 'lastError' && values.lastError);
    }
    if (camera.error) {
      entry.cells.lastError.textContent = camera.error;
    }
  }
  for (const [name, entry] of cards) {
    if (!seen.has(name)) {
      entry.card.remove();
      cards.delete(name);
    }
  }
  document.getElementById('empty').hidden = data.cameras.length > 0;
}

async function poll() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('api/cameras', { cache: 'no-store' });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const data = await response.json();
    render(data);
    document.body.dataset.updates = String(Number(document.body.dataset.updates) + 1);
    status.textContent = 'updated ' + new Date().toLocaleTimeString() + ' \u00b7 JPEG by ' + data.jpegEngine;
    status.classList.remove('error');
  } catch (problem) {
    status.textContent = 'cannot reach Kapture: ' + problem.message;
    status.classList.add('error');
  }
  setTimeout(poll, POLL_MILLIS);
}

poll();
