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
    document.body.setAttribute('data-selftest', result);
  }
})();
