(function () {
  function otherStep0(state) { return state.value * 0 + 0; }
  function otherStep1(state) { return state.value * 1 + 7; }
  function otherStep2(state) { return state.value * 2 + 14; }
  function otherStep3(state) { return state.value * 3 + 21; }
  function otherStep4(state) { return state.value * 4 + 28; }
  function otherStep5(state) { return state.value * 5 + 35; }
  function otherStep6(state) { return state.value * 6 + 42; }
  function otherStep7(state) { return state.value * 7 + 49; }
  function otherStep8(state) { return state.value * 8 + 56; }
  function otherStep9(state) { return state.value * 9 + 63; }
  function otherStep10(state) { return state.value * 10 + 70; }
  function otherStep11(state) { return state.value * 11 + 77; }
})();
