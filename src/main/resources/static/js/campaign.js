// The campaign page: its BPMN diagrams with the campaign's steps marked, its vote charts, and the
// replay, which swaps in the server-rendered state as of each event.
(function () {
  'use strict';
  var viewers = [];
  var charts = [];
  var MARKS = ['highlight-done', 'highlight-active', 'highlight-escalated'];

  function markers() {
    var state = document.getElementById('state');
    try {
      return JSON.parse(state.getAttribute('data-markers') || '{}');
    } catch (unreadable) {
      return {};
    }
  }

  function mark(viewer) {
    var all = markers();
    var own = all[viewer.process] || { done: [], active: [], escalated: [] };
    var canvas = viewer.bpmn.get('canvas');
    var registry = viewer.bpmn.get('elementRegistry');
    registry.forEach(function (element) {
      MARKS.forEach(function (marker) { canvas.removeMarker(element.id, marker); });
    });
    function add(id, marker) {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
      }
    }
    own.done.forEach(function (id) { add(id, 'highlight-done'); });
    own.active.forEach(function (id) { add(id, 'highlight-active'); });
    (own.escalated || []).forEach(function (id) { add(id, 'highlight-escalated'); });
    // A call activity stands for its forum's process: active while that has an open task, done once it had steps.
    registry.filter(function (element) { return element.type === 'bpmn:CallActivity'; }).forEach(function (call) {
      var called = all[call.businessObject.calledElement];
      if (!called) {
        return;
      }
      if (called.active.length > 0) {
        canvas.addMarker(call.id, 'highlight-active');
      } else if (called.done.length > 0) {
        canvas.addMarker(call.id, 'highlight-done');
      }
    });
  }

  function showDiagrams() {
    if (typeof window.BpmnJS !== 'function') {
      return;
    }
    document.querySelectorAll('.diagram[data-src]').forEach(function (container) {
      var viewer = {
        process: container.getAttribute('data-process'),
        container: container,
        ready: false,
        bpmn: new window.BpmnJS({ container: container })
      };
      viewers.push(viewer);
      fetch(container.getAttribute('data-src'), { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('the diagram of ' + viewer.process + ' answered ' + response.status);
          }
          return response.text();
        })
        .then(function (xml) { return viewer.bpmn.importXML(xml); })
        .then(function () {
          viewer.ready = true;
          fit(viewer);
          container.setAttribute('data-ready', 'true');
          mark(viewer);
        })
        .catch(function (failure) {
          container.textContent = 'The diagram cannot be shown: ' + failure.message;
        });
    });
  }

  function showCharts() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    if (typeof window.Chart !== 'function') {
      return;
    }
    document.querySelectorAll('canvas.vote-canvas').forEach(function (canvas) {
      var counts = ['data-in-favour', 'data-against', 'data-abstaining'].map(function (name) {
        return Number(canvas.getAttribute(name));
      });
      charts.push(new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: ['In favour', 'Against', 'Abstaining'],
          datasets: [{ label: 'Votes', data: counts, backgroundColor: ['#1e7b34', '#b3261e', '#8c94a0'] }]
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      }));
    });
  }

  function startReplay() {
    var replay = document.getElementById('replay');
    var slider = document.getElementById('replay-position');
    if (!replay || !slider) {
      return;
    }
    var campaign = replay.getAttribute('data-campaign');
    var last = Number(replay.getAttribute('data-last'));
    var previous = document.getElementById('replay-previous');
    var next = document.getElementById('replay-next');
    var latest = document.getElementById('replay-latest');
    var asked = 0;

    function go(position) {
      position = Math.max(0, Math.min(last, position));
      slider.value = String(position);
      slider.setAttribute('aria-valuetext', 'event ' + position + ' of ' + last);
      var ticket = ++asked;
      fetch('/campaigns/' + encodeURIComponent(campaign) + '/replay/' + position, { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('the replay answered ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          if (ticket !== asked) {
            return;
          }
          var parts = new DOMParser().parseFromString(html, 'text/html');
          ['state', 'facts'].forEach(function (id) {
            var part = parts.getElementById(id);
            if (part) {
              document.getElementById(id).replaceWith(document.adoptNode(part));
            }
          });
          showCharts();
          viewers.forEach(mark);
          var url = new URL(window.location.href);
          if (position === last) {
            url.searchParams.delete('at');
          } else {
            url.searchParams.set('at', String(position));
          }
          window.history.replaceState(null, '', url);
        })
        .catch(function (failure) {
          document.getElementById('replay-event').textContent = 'This point of the record cannot be shown: ' + failure.message;
        });
    }

    slider.addEventListener('input', function () { go(Number(slider.value)); });
    previous.addEventListener('click', function (event) { event.preventDefault(); go(Number(slider.value) - 1); });
    next.addEventListener('click', function (event) { event.preventDefault(); go(Number(slider.value) + 1); });
    latest.addEventListener('click', function (event) { event.preventDefault(); go(last); });
    // Arrow keys step through the record from anywhere in the replay controls, not only the slider.
    replay.addEventListener('keydown', function (event) {
      if (event.target === slider || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      if (event.key === 'ArrowLeft') {
        event.preventDefault();
        go(Number(slider.value) - 1);
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        go(Number(slider.value) + 1);
      }
    });
  }

  // A diagram fitted for one width is refitted when the window changes (a phone turned, a window resized).
  window.addEventListener('resize', function () {
    viewers.forEach(fit);
  });

  // Fitting needs a drawn diagram in a container with a size: bpmn-js cannot scale to nothing.
  function fit(viewer) {
    var container = viewer.container;
    if (viewer.ready && container.clientWidth > 0 && container.clientHeight > 0) {
      viewer.bpmn.get('canvas').zoom('fit-viewport');
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    showDiagrams();
    showCharts();
    startReplay();
  });
}());
