#!/usr/bin/env node
// The installed `masthead` command runs the compiled CLI (npm run build first).
import '../dist/masthead.js'
