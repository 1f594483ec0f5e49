// Issue 17: the big screen says each call aloud through the browser's speech synthesis, in a
// Chinese voice where the machine has one. Browsers speak only after the page was touched once
// (an unattended screen runs Chrome with --autoplay-policy=no-user-gesture-required).

function chineseVoice(): SpeechSynthesisVoice | null {
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang === 'zh-CN') ??
    voices.find((v) => v.lang.toLowerCase().startsWith('zh')) ??
    null
  );
}

/** Whether this browser can speak at all (a kiosk build without speech shows the calls only). */
export function canSpeak(): boolean {
  return typeof window.speechSynthesis !== 'undefined';
}

/** The call said twice, as halls do: the first may be missed under the hall's noise. */
export function announce(text: string): void {
  if (!canSpeak()) return;
  const voice = chineseVoice();
  for (let i = 0; i < 2; i += 1) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    if (voice) utterance.voice = voice;
    window.speechSynthesis.speak(utterance);
  }
}
