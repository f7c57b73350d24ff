(function(){
  // maps without a prototype: a unit id such as "constructor" or "__proto__" is a key like any other
  var byUnit = Object.create(null), byEdge = Object.create(null), related = Object.create(null);
  function add(map, k, v){ (map[k] = map[k] || []).push(v); }
  var els = document.querySelectorAll('[data-unit]');
  for (var i = 0; i < els.length; i++) add(byUnit, els[i].getAttribute('data-unit'), els[i]);
  var edges = document.querySelectorAll('.edge');
  for (var j = 0; j < edges.length; j++) {
    var s = edges[j].getAttribute('data-source'), t = edges[j].getAttribute('data-target');
    add(byEdge, s, edges[j]); add(byEdge, t, edges[j]); add(related, s, t); add(related, t, s);
  }
  function mark(id, on) {
    var f = on ? 'add' : 'remove';
    (byUnit[id] || []).forEach(function(el){ el.classList[f]('hl'); });
    (byEdge[id] || []).forEach(function(el){ el.classList[f]('hl'); });
    (related[id] || []).forEach(function(r){ (byUnit[r] || []).forEach(function(el){ el.classList[f]('rel'); }); });
    document.body.classList[f]('focus');
  }
  function first(id, sel) {
    return (byUnit[id] || []).filter(function(el){ return el.matches(sel); })[0];
  }
  Object.keys(byUnit).forEach(function(id){
    byUnit[id].forEach(function(el){
      el.addEventListener('mouseenter', function(){ mark(id, true); });
      el.addEventListener('mouseleave', function(){ mark(id, false); });
      el.addEventListener('focus', function(){ mark(id, true); });
      el.addEventListener('blur', function(){ mark(id, false); });
      el.addEventListener('click', function(){
        var other = first(id, el.matches('.node') ? '.unit' : '.node');
        if (other && other.scrollIntoView) other.scrollIntoView({block: 'center', behavior: 'smooth'});
      });
    });
  });
  function mapCheck() {
    // the map as the browser drew it: no two nodes overlap; a unit stands below the unit it hangs under
    var nodes = document.querySelectorAll('.node'), box = Object.create(null), list = [], i, j;
    for (i = 0; i < nodes.length; i++) {
      var rect = nodes[i].getBoundingClientRect();
      box[nodes[i].getAttribute('data-unit')] = rect; list.push(rect);
    }
    for (i = 0; i < list.length; i++) for (j = i + 1; j < list.length; j++) {
      var p = list[i], q = list[j];
      if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
        return 'fail: nodes overlap';
    }
    var tree = document.querySelectorAll('.edge:not(.extra)');
    for (i = 0; i < tree.length; i++) {
      var s = box[tree[i].getAttribute('data-source')], t = box[tree[i].getAttribute('data-target')];
      if (s && t && s.top < t.bottom - 0.5) return 'fail: a unit is not below what it argues for';
    }
    return 'pass';
  }
  var nUnits = document.querySelectorAll('.unit').length, nNodes = document.querySelectorAll('.node').length;
  document.body.setAttribute('data-argmine-ready', nUnits + ' ' + nNodes + ' ' + edges.length);
  if (location.hash === '#selftest') {
    var span = document.querySelector('.unit'), result = 'pass';
    if (span) {
      var id = span.getAttribute('data-unit'), node = first(id, '.node');
      span.dispatchEvent(new MouseEvent('mouseenter'));
      if (!node || !node.classList.contains('hl') || !document.body.classList.contains('focus')) result = 'fail: hover on text did not light its node';
      span.dispatchEvent(new MouseEvent('mouseleave'));
      if (node && node.classList.contains('hl')) result = 'fail: node stayed lit';
      if (node) {
        node.dispatchEvent(new MouseEvent('mouseenter'));
        if (!span.classList.contains('hl')) result = 'fail: hover on node did not light its text';
        node.dispatchEvent(new MouseEvent('mouseleave'));
      }
    }
    if (result === 'pass') result = mapCheck();
    document.body.setAttribute('data-selftest', result);
  }
})();
