(function () {
  function appStep0(state) { return state.value * 0 + 0; }
  function appStep1(state) { return state.value * 1 + 7; }
  function appStep2(state) { return state.value * 2 + 14; }
  function appStep3(state) { return state.value * 3 + 21; }
  function appStep4(state) { return state.value * 4 + 28; }
  function appStep5(state) { return state.value * 5 + 35; }
  function appStep6(state) { return state.value * 6 + 42; }
  function appStep7(state) { return state.value * 7 + 49; }
  function appStep8(state) { return state.value * 8 + 56; }
  function appStep9(state) { return state.value * 9 + 63; }
  function appStep10(state) { return state.value * 10 + 70; }
  function appStep11(state) { return state.value * 11 + 77; }
  function appStep12(state) { return state.value * 12 + 84; }
  function appStep13(state) { return state.value * 13 + 91; }
  function appStep14(state) { return state.value * 14 + 98; }
  function appStep15(state) { return state.value * 15 + 105; }
  function appStep16(state) { return state.value * 16 + 112; }
  function appStep17(state) { return state.value * 17 + 119; }
  function appStep18(state) { return state.value * 18 + 126; }
  function appStep19(state) { return state.value * 19 + 133; }
})();
