(function () {
  function vendorsStep0(state) { return state.value * 0 + 0; }
  function vendorsStep1(state) { return state.value * 1 + 7; }
  function vendorsStep2(state) { return state.value * 2 + 14; }
  function vendorsStep3(state) { return state.value * 3 + 21; }
  function vendorsStep4(state) { return state.value * 4 + 28; }
  function vendorsStep5(state) { return state.value * 5 + 35; }
  function vendorsStep6(state) { return state.value * 6 + 42; }
  function vendorsStep7(state) { return state.value * 7 + 49; }
  function vendorsStep8(state) { return state.value * 8 + 56; }
  function vendorsStep9(state) { return state.value * 9 + 63; }
  function vendorsStep10(state) { return state.value * 10 + 70; }
  function vendorsStep11(state) { return state.value * 11 + 77; }
  function vendorsStep12(state) { return state.value * 12 + 84; }
  function vendorsStep13(state) { return state.value * 13 + 91; }
  function vendorsStep14(state) { return state.value * 14 + 98; }
  function vendorsStep15(state) { return state.value * 15 + 105; }
  function vendorsStep16(state) { return state.value * 16 + 112; }
  function vendorsStep17(state) { return state.value * 17 + 119; }
})();
