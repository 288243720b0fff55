// The first week's welcome: what Lederrum says when a person first opens their private chat with
// it, on Slack's App Home, and in a Teams team that has just added it. It answers no command of
// its own (the core routes the "chat opened" and "home opened" events to welcome.ts); it brings
// its texts.
import { defineFeature } from '../feature.ts';
import { welcomeText } from './texts.ts';

export const onboardingFeature = defineFeature({ name: 'onboarding', texts: [welcomeText] });
